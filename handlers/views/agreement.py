"""Submitting a version of the expectations agreement."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext

from bot.domain.agreement import Draft, Numbers, problems
from bot.domain.invitation import Cadence, MeetingFormat, Terms
from bot.flows import agreements
from bot.messages import ids
from bot.messages.notice import notice_modal
from handlers.context import deps_of, slack_of
from handlers.payload import as_id, read_answer_context, values
from handlers.replies import submitted


def _draft(view: dict) -> Draft:
    answered = values(view)
    numbers = Numbers(
        Terms(answered.choice(ids.INVITE_CADENCE, Cadence), answered.number(ids.INVITE_MINUTES),
              answered.number(ids.INVITE_MONTHS)),
        answered.number(ids.AGREEMENT_RESCHEDULE), answered.number(ids.AGREEMENT_AGENDA),
        answered.choice(ids.INVITE_FORMAT, MeetingFormat))
    kept = [answered.text(key) for key in sorted(
        (k for k in answered if k.startswith(ids.AGREEMENT_TERM)),
        key=lambda k: as_id(k.removeprefix(ids.AGREEMENT_TERM), "term"))
        if answered.text(key)]
    own = [line.strip() for line in answered.text(ids.AGREEMENT_OWN_TERMS).splitlines()
           if line.strip()]
    return Draft(numbers, tuple(kept + own))


def _error_block(view: dict) -> str:
    inputs = [b.get("block_id") for b in view.get("blocks") or [] if b.get("type") == "input"]
    first_term = f"{ids.AGREEMENT_TERM}1"
    return first_term if first_term in inputs else ids.AGREEMENT_OWN_TERMS


def handle_agreement(ack: Ack, view: dict, context: BoltContext) -> None:
    draft = _draft(view)
    found = problems(draft)
    if "terms" in found:
        found[_error_block(view)] = found.pop("terms")
    if found:
        ack(response_action="errors", errors=found)
        return
    relationship_id, clicked_on = read_answer_context(view["private_metadata"])
    submitted(ack, ids.INVITE_CADENCE, lambda: agreements.propose(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        relationship_id, draft, values(view).text(ids.AGREEMENT_NOTE), clicked_on,
        answer=_said(ack, clicked_on)))


def _said(ack: Ack, clicked_on):
    """What she clicked says it went; without one, the form does."""
    return lambda said: ack() if clicked_on is not None else ack(
        response_action="update", view=notice_modal("Agreement sent", said))

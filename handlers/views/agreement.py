"""Submitting a version of the expectations agreement."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.domain.agreement import Draft, Numbers, problems
from bot.domain.invitation import Cadence, MeetingFormat, Terms
from bot.domain.relationship import Role
from bot.flows.agreement_notices import put_version
from bot.flows.dm import update_dm
from bot.messages import ids
from bot.messages.agreement import answered
from bot.messages.invitation import read_answer_context
from bot.messages.notice import notice_modal
from bot.services import agreements
from handlers.context import deps_of, slack_of
from handlers.payload import as_id, values
from handlers.replies import attempt_submission


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


def handle_agreement(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    draft = _draft(view)
    found = problems(draft)
    if "terms" in found:
        found[_error_block(view)] = found.pop("terms")
    if found:
        ack(response_action="errors", errors=found)
        return
    relationship_id, clicked = read_answer_context(view["private_metadata"])
    note = values(view).text(ids.AGREEMENT_NOTE)
    version = attempt_submission(deps, ack, ids.INVITE_CADENCE, lambda uow: agreements.propose(
        uow, context.team_id, relationship_id, context.user_id, draft, deps.now(), note,
        deps.timing))
    if version is None:
        return
    rel = version.relationship
    other = rel.mentor_id if version.author is Role.MENTEE else rel.mentee_id
    text = (f"Proposed the change to <@{other}>: once they confirm it, the reminders and the "
            "timeline follow it." if version.adjusting else
            f"Sent version {version.version} of the agreement to <@{other}>.")
    # What she clicked says it went; without one, the modal does: never a receipt.
    if clicked is None:
        ack(response_action="update", view=notice_modal("Agreement sent", text))
    else:
        ack()
    put_version(slack_of(context), deps, version)
    # A version clicked in the pair's conversation was retired there by put_version.
    shared = rel.pair_channel is not None and clicked is not None \
        and clicked.channel == rel.pair_channel
    if clicked is not None and not shared:
        update_dm(slack_of(context), clicked, text, answered(version, text))

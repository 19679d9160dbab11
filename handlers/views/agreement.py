"""Submitting a version of the expectations agreement."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.domain.agreement import Draft, Numbers, problems
from bot.domain.invitation import Cadence, Terms
from bot.domain.relationship import Role
from bot.services import agreements
from handlers import ids
from handlers.blocks.agreement import answered, edits_for_mentee, for_mentor
from handlers.blocks.invitation import read_answer_context
from handlers.context import deps_of
from handlers.dm import send_dm, update_dm
from handlers.replies import attempt_submission
from handlers.views.state import values


def _draft(view: dict) -> Draft:
    answered_values = values(view)
    numbers = Numbers(
        Terms(Cadence(answered_values[ids.INVITE_CADENCE]),
              int(answered_values[ids.INVITE_MINUTES]), int(answered_values[ids.INVITE_MONTHS])),
        int(answered_values[ids.AGREEMENT_RESCHEDULE]),
        int(answered_values[ids.AGREEMENT_AGENDA]))
    kept = [str(answered_values[key]) for key in sorted(
        (k for k in answered_values if k.startswith(ids.AGREEMENT_TERM)),
        key=lambda k: int(k.removeprefix(ids.AGREEMENT_TERM)))
        if answered_values[key]]
    own = [line.strip() for line in str(answered_values.get(ids.AGREEMENT_OWN_TERMS) or "")
           .splitlines() if line.strip()]
    return Draft(numbers, tuple(kept + own))


def _error_block(view: dict) -> str:
    inputs = [b["block_id"] for b in view["blocks"] if b["type"] == "input"]
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
    note = str(values(view).get(ids.AGREEMENT_NOTE) or "")
    version = attempt_submission(deps, ack, ids.INVITE_CADENCE, lambda uow: agreements.propose(
        uow, context.team_id, relationship_id, context.user_id, draft, deps.now(), note,
        deps.timing))
    if version is None:
        return
    ack()
    rel = version.relationship
    if version.author is Role.MENTEE:
        ref = send_dm(client, rel.mentor_id, f"<@{rel.mentee_id}> sent the expectations",
                      for_mentor(version))
        with deps.uow() as uow:
            agreements.remember_mentor_message(uow, rel.id, version.version, ref)
        text = f"Sent version {version.version} of the agreement to <@{rel.mentor_id}>."
        if clicked:
            update_dm(client, clicked, text, answered(version, text))
        else:
            send_dm(client, rel.mentee_id, text)
    else:
        text = f"You suggested edits (version {version.version}); <@{rel.mentee_id}> has them."
        if clicked:
            update_dm(client, clicked, text, answered(version, text))
        send_dm(client, rel.mentee_id, f"<@{rel.mentor_id}> suggested edits",
                edits_for_mentee(version))

"""Submitting the closing forms: complete, continue, end early."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.flows.dm import send_dm, send_thanks
from bot.flows.meeting_notices import cancel_calendars
from bot.messages import ids
from bot.messages.endings import (
    completed_for_mentor,
    continuation_request,
    ended_for_ender,
    ended_for_other,
)
from bot.messages.notice import notice_modal
from bot.services import endings
from handlers.context import deps_of, slack_of
from handlers.payload import metadata_id, values
from handlers.replies import attempt_submission


def handle_complete(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    answered = values(view)
    thanks, relationship_id = answered.text(ids.COMPLETE_THANKS), metadata_id(view)
    ended = attempt_submission(deps, ack, ids.COMPLETE_THANKS, lambda uow: endings.complete(
        uow, context.team_id, relationship_id, context.user_id,
        answered.text(ids.COMPLETE_REFLECTION), thanks, deps.now(), deps.timing))
    if ended is None:
        return
    rel = ended.relationship
    ack(response_action="update", view=notice_modal(
        "Completed", f":tada: Completed: your mentoring with <@{rel.mentor_id}>."
        + (" Your thanks is in your conversation." if thanks else "")
        + " Your reflection is kept for you alone."))
    # The mentor's last message is her own thank-you; without one, he is told plainly.
    if thanks:
        send_thanks(slack_of(context), deps, rel, thanks, final=True)
    else:
        send_dm(slack_of(context), rel.mentor_id, completed_for_mentor(rel))
    cancel_calendars(deps, slack_of(context), ended)


def handle_continue(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    answered = values(view)
    note, months = answered.text(ids.CONTINUE_NOTE), answered.number(ids.CONTINUE_MONTHS)
    relationship_id = metadata_id(view)
    rel = attempt_submission(deps, ack, ids.CONTINUE_MONTHS,
                             lambda uow: endings.propose_continuation(
                                 uow, context.team_id, relationship_id,
                                 context.user_id, months, note, deps.now(),
                                 deps.timing))
    if rel is None:
        return
    ack(response_action="update", view=notice_modal(
        "Proposal sent", f"Your proposal to continue reached <@{rel.mentor_id}>. You'll hear "
        "when they answer."))
    text, blocks = continuation_request(rel, months, note)
    send_dm(slack_of(context), rel.mentor_id, text, blocks)


def handle_end(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    reason, relationship_id = values(view).text(ids.END_REASON), metadata_id(view)
    ended = attempt_submission(deps, ack, ids.END_REASON, lambda uow: endings.end_early(
        uow, context.team_id, relationship_id, context.user_id, reason,
        deps.now(), deps.timing))
    if ended is None:
        return
    rel = ended.relationship
    # Said in the form itself: the one who ended it gets no receipt as a new message.
    ack(response_action="update",
        view=notice_modal("Ended", ended_for_ender(rel, context.user_id)))
    other = rel.mentor_id if context.user_id == rel.mentee_id else rel.mentee_id
    send_dm(slack_of(context), other, ended_for_other(rel, ended.by))
    cancel_calendars(deps, slack_of(context), ended)

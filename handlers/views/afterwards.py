"""After a meeting: the mentee's log, private takeaways, and thanks to the mentor."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.domain.connection import Shared
from bot.domain.meetings import MeetingStatus
from bot.domain.relationship import State
from bot.flows.dm import send_dm, send_thanks
from bot.messages import ids
from bot.messages.conversation import conversation_complete
from bot.messages.notice import notice_modal
from bot.services import meetings
from handlers.context import deps_of, slack_of
from handlers.payload import metadata_id, values
from handlers.replies import attempt_submission


def handle_after_meeting(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    answered = values(view)
    held = answered[ids.AFTER_HELD] == MeetingStatus.HELD
    thanks = answered.text(ids.AFTER_THANKS) if held else ""
    meeting_id = metadata_id(view)
    meeting = attempt_submission(deps, ack, ids.AFTER_THANKS, lambda uow: meetings.log_afterwards(
        uow, context.team_id, meeting_id, context.user_id, held,
        answered.text(ids.AFTER_TAKEAWAYS), thanks, deps.now(), deps.timing,
        answered.optional_choice(ids.AFTER_SHARED, Shared)))
    if meeting is None:
        return
    rel = meeting.relationship
    # One conversation, held and thanked for, is complete: her thanks is its last word.
    complete = rel.state is State.COMPLETED
    ack(response_action="update", view=notice_modal(
        "Logged", "Logged." + (f" Your thanks is in your conversation with <@{rel.mentor_id}>."
                               if thanks else "")
        + (" Your mentoring conversation is complete." if complete else "")))
    if thanks:
        send_thanks(slack_of(context), deps, rel, thanks, final=complete)
    if complete:
        send_dm(slack_of(context), rel.mentee_id, *conversation_complete(rel))

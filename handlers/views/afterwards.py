"""After a meeting: the mentee's log, private takeaways, and thanks to the mentor."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext

from bot.domain.connection import Shared
from bot.domain.meetings import MeetingStatus
from bot.flows import meetings
from bot.messages import ids
from handlers.context import deps_of, slack_of
from handlers.payload import metadata_id, values
from handlers.replies import in_the_form, submitted


def handle_after_meeting(ack: Ack, view: dict, context: BoltContext) -> None:
    answered = values(view)
    held = answered[ids.AFTER_HELD] == MeetingStatus.HELD
    submitted(ack, ids.AFTER_THANKS, lambda: meetings.log_afterwards(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        metadata_id(view), held, answered.text(ids.AFTER_TAKEAWAYS),
        answered.text(ids.AFTER_THANKS) if held else "",
        answered.optional_choice(ids.AFTER_SHARED, Shared),
        answer=in_the_form(ack), summary=answered.text(ids.AFTER_SUMMARY) if held else ""))

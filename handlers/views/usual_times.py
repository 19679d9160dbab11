"""Saving a mentor's usual times from their own form."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext

from bot.domain.usual_times import WindowsRefused
from bot.flows import own_settings
from bot.messages import ids
from bot.messages.notice import notice_modal
from bot.messages.usual_times import saved_usual_times
from handlers.context import deps_of
from handlers.payload import values


def handle_usual_times(ack: Ack, view: dict, context: BoltContext) -> None:
    try:
        said, tz = own_settings.save_usual_times(deps_of(context), context.team_id,
                                                 context.user_id,
                                                 values(view).text(ids.USUAL_TIMES))
    except WindowsRefused as refused:
        ack(response_action="errors", errors={ids.USUAL_TIMES: str(refused)})
        return
    ack(response_action="update", view=notice_modal("Your usual times",
                                                    saved_usual_times(said, tz)))

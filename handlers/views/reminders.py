"""Saving a person's own reminder settings from the App Home."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext

from bot.domain.preferences import Preferences
from bot.services import preferences
from handlers import ids
from handlers.blocks.notice import notice_modal
from handlers.context import deps_of
from handlers.views.state import values


def handle_reminders(ack: Ack, view: dict, context: BoltContext) -> None:
    deps = deps_of(context)
    answered = values(view)
    chosen = set(answered.get(ids.REMINDER_OPTIONS) or [])
    start, end = answered.clock(ids.QUIET_START), answered.clock(ids.QUIET_END)
    if start == end:
        ack(response_action="errors", errors={
            ids.QUIET_END: "Quiet hours need an end different from their start."})
        return
    kept = Preferences(quiet_start=start, quiet_end=end,
                       quiet_weekends=ids.OPTION_WEEKENDS in chosen,
                       day_before=ids.OPTION_DAY_BEFORE in chosen,
                       starting_soon=ids.OPTION_STARTING_SOON in chosen)
    with deps.uow() as uow:
        preferences.save(uow, context.team_id, context.user_id, kept, deps.now(), deps.timing)
    ack(response_action="update", view=notice_modal(
        "Reminders saved", "Saved. Reminders already planned follow your new settings."))

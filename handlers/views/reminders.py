"""Saving a person's own reminder settings from the App Home."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext

from bot.domain.preferences import Preferences
from bot.domain.relationship import Role
from bot.domain.usual_times import WindowsRefused
from bot.flows import own_settings
from bot.messages import ids
from bot.messages.notice import notice_modal
from handlers.context import deps_of
from handlers.payload import values

_PEOPLE = {Role.MENTEE.value, Role.MENTOR.value}


def _roles_shown(view: dict) -> frozenset[Role]:
    shown = (view.get("private_metadata") or "").split(",")
    return frozenset(Role(role) for role in shown if role in _PEOPLE)


def _chosen(answered) -> Preferences:
    chosen = set(answered.get(ids.REMINDER_OPTIONS) or [])
    return Preferences(
        answered.clock(ids.QUIET_START), answered.clock(ids.QUIET_END),
        ids.OPTION_WEEKENDS in chosen, ids.OPTION_DAY_BEFORE in chosen,
        mentor_starting_soon=ids.OPTION_MENTOR_STARTING_SOON in chosen,
        mentee_starting_soon=ids.OPTION_MENTEE_STARTING_SOON in chosen)


def handle_reminders(ack: Ack, view: dict, context: BoltContext) -> None:
    answered = values(view)
    chosen = _chosen(answered)
    if chosen.quiet_start == chosen.quiet_end:
        ack(response_action="errors", errors={
            ids.QUIET_END: "Quiet hours need an end different from their start."})
        return
    # A mentor's form shows his usual times too; a mentee's does not.
    usual = answered.text(ids.USUAL_TIMES) if ids.USUAL_TIMES in answered else None
    try:
        own_settings.save_reminders(deps_of(context), context.team_id, context.user_id,
                                    chosen, _roles_shown(view), usual)
    except WindowsRefused as refused:
        ack(response_action="errors", errors={ids.USUAL_TIMES: str(refused)})
        return
    ack(response_action="update", view=notice_modal(
        "Reminders saved", "Saved. Reminders already planned follow your new settings."))

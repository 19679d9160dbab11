"""Saving a person's own reminder settings from the App Home."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext

from bot.domain.preferences import Preferences
from bot.domain.relationship import Role
from bot.flows import own_settings
from bot.messages import ids
from bot.messages.notice import notice_modal
from handlers.context import deps_of
from handlers.payload import values

_PEOPLE = {Role.MENTEE.value, Role.MENTOR.value}


def _roles_shown(view: dict) -> frozenset[Role]:
    shown = (view.get("private_metadata") or "").split(",")
    return frozenset(Role(role) for role in shown if role in _PEOPLE)


def handle_reminders(ack: Ack, view: dict, context: BoltContext) -> None:
    answered = values(view)
    chosen = set(answered.get(ids.REMINDER_OPTIONS) or [])
    start, end = answered.clock(ids.QUIET_START), answered.clock(ids.QUIET_END)
    if start == end:
        ack(response_action="errors", errors={
            ids.QUIET_END: "Quiet hours need an end different from their start."})
        return
    own_settings.save_reminders(deps_of(context), context.team_id, context.user_id, Preferences(
        start, end, ids.OPTION_WEEKENDS in chosen, ids.OPTION_DAY_BEFORE in chosen,
        mentor_starting_soon=ids.OPTION_MENTOR_STARTING_SOON in chosen,
        mentee_starting_soon=ids.OPTION_MENTEE_STARTING_SOON in chosen), _roles_shown(view))
    ack(response_action="update", view=notice_modal(
        "Reminders saved", "Saved. Reminders already planned follow your new settings."))

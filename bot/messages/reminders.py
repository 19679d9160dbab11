"""A person's own reminder settings: a line on the App Home, and the form that changes them.
Each role the person has shows its own reminders, with its own defaults."""

from __future__ import annotations

from datetime import time

from bot.domain.preferences import Preferences
from bot.domain.quiet_hours import QuietHours
from bot.domain.relationship import Role
from bot.messages import ids
from bot.messages.kit import button, context, modal, option, section

WEEKENDS = option("Keep Saturdays and Sundays quiet too", ids.OPTION_WEEKENDS)
MENTEE_STARTING_SOON = option("As a mentee: the reminder shortly before each meeting "
                              "starts, with the link", ids.OPTION_MENTEE_STARTING_SOON)
DAY_BEFORE = option("As a mentor: the reminder the day before each meeting (time, link, "
                    "topics)", ids.OPTION_DAY_BEFORE)
MENTOR_STARTING_SOON = option("As a mentor: the reminder shortly before each meeting starts, "
                              "with the link", ids.OPTION_MENTOR_STARTING_SOON)


def _clock(at: time) -> str:
    return at.strftime("%H:%M")


def _on(wanted: bool) -> str:
    return "on" if wanted else "off"


def _courtesy(prefs: Preferences, roles: frozenset[Role], mentor_default: bool
              ) -> list[tuple[dict, bool]]:
    """The optional reminders of each role the person has, and whether each is on."""
    shown = []
    if Role.MENTEE in roles:
        shown.append((MENTEE_STARTING_SOON, prefs.wants_starting_soon_as_mentee))
    if Role.MENTOR in roles:
        shown += [(DAY_BEFORE, prefs.wants_day_before),
                  (MENTOR_STARTING_SOON, prefs.wants_starting_soon_as_mentor(mentor_default))]
    return shown


def reminders_line(prefs: Preferences, quiet: QuietHours, roles: frozenset[Role],
                   mentor_default: bool, usual_times: str = "") -> list[dict]:
    """What the person gets and when it stays quiet, with the button that changes it (and
    a mentor's usual times, which the same form changes)."""
    hours = prefs.quiet_hours(quiet)
    parts = [f"quiet {_clock(hours.start)}–{_clock(hours.end)} your time"
             + (", and at weekends" if hours.weekends else "")]
    if Role.MENTEE in roles:
        parts.append("as mentee, starting-soon reminder: "
                     + _on(prefs.wants_starting_soon_as_mentee))
    if Role.MENTOR in roles:
        parts.append(f"as mentor, day-before reminder: {_on(prefs.wants_day_before)}, "
                     "starting-soon reminder: "
                     + _on(prefs.wants_starting_soon_as_mentor(mentor_default)))
        parts.append(f"your usual times: {usual_times or 'none said'}")
    return [section("*Your reminders*: " + "; ".join(parts) + ".",
                    accessory=button("Change", ids.OPEN_REMINDERS))]


def reminders_modal(prefs: Preferences, quiet: QuietHours, roles: frozenset[Role],
                    mentor_default: bool, usual_times: dict | None = None) -> dict:
    """`usual_times`: a mentor's field for the times that usually suit him."""
    hours = prefs.quiet_hours(quiet)
    shown = [(WEEKENDS, hours.weekends), *_courtesy(prefs, roles, mentor_default)]
    chosen = [o for o, on in shown if on]
    checkboxes: dict = {"type": "checkboxes", "action_id": ids.REMINDER_OPTIONS,
                        "options": [o for o, _ in shown]}
    if chosen:
        checkboxes["initial_options"] = chosen
    blocks = [
        context("Nothing is sent to you in your quiet hours, in your own time zone."
                + (" As a mentee, your next steps (topics, logistics, log and thanks) always "
                   "come: you drive, so you choose only when." if Role.MENTEE in roles else "")),
        _time_input(ids.QUIET_START, "Quiet from", hours.start),
        _time_input(ids.QUIET_END, "Quiet until", hours.end),
        {"type": "input", "block_id": ids.REMINDER_OPTIONS, "optional": True,
         "label": {"type": "plain_text", "text": "Reminders"}, "element": checkboxes},
        *([usual_times] if usual_times else []),
    ]
    # The roles shown: a role the form did not show keeps what was saved for it.
    return modal(ids.REMINDERS_VIEW, "Your reminders", blocks, submit="Save",
                 private_metadata=",".join(sorted(roles)))


def _time_input(block_id: str, label: str, initial: time) -> dict:
    return {"type": "input", "block_id": block_id,
            "label": {"type": "plain_text", "text": label},
            "element": {"type": "timepicker", "action_id": block_id,
                        "initial_time": _clock(initial)}}

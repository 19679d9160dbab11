"""A person's own reminder settings: a line on the App Home, and the form that changes them."""

from __future__ import annotations

from datetime import time

from bot.domain.preferences import Preferences
from bot.domain.quiet_hours import QuietHours
from handlers import ids
from handlers.blocks.kit import button, context, modal, option, section

WEEKENDS = option("Keep Saturdays and Sundays quiet too", ids.OPTION_WEEKENDS)
DAY_BEFORE = option("As a mentor: the reminder the day before each meeting (time, link, "
                    "topics)", ids.OPTION_DAY_BEFORE)
STARTING_SOON = option("The reminder shortly before each meeting starts, with the link",
                       ids.OPTION_STARTING_SOON)


def _clock(at: time) -> str:
    return at.strftime("%H:%M")


def reminders_line(prefs: Preferences, quiet: QuietHours, soon_default: bool) -> list[dict]:
    """What the person gets and when it stays quiet, with the button that changes it."""
    hours = prefs.quiet_hours(quiet)
    parts = [f"quiet {_clock(hours.start)}–{_clock(hours.end)} your time"
             + (", and at weekends" if hours.weekends else ""),
             "day-before reminder as mentor: " + ("on" if prefs.wants_day_before else "off"),
             "starting soon: " + ("on" if prefs.wants_starting_soon(soon_default) else "off")]
    return [section("*Your reminders*: " + "; ".join(parts) + ".",
                    accessory=button("Change", ids.OPEN_REMINDERS))]


def reminders_modal(prefs: Preferences, quiet: QuietHours, soon_default: bool) -> dict:
    hours = prefs.quiet_hours(quiet)
    chosen = [o for o, on in ((WEEKENDS, hours.weekends),
                              (DAY_BEFORE, prefs.wants_day_before),
                              (STARTING_SOON, prefs.wants_starting_soon(soon_default))) if on]
    checkboxes: dict = {"type": "checkboxes", "action_id": ids.REMINDER_OPTIONS,
                        "options": [WEEKENDS, DAY_BEFORE, STARTING_SOON]}
    if chosen:
        checkboxes["initial_options"] = chosen
    blocks = [
        context("Nothing is sent to you in your quiet hours, in your own time zone. As a "
                "mentee, your next steps (topics, logistics, log and thanks) always come: "
                "you drive, so you choose only when."),
        _time_input(ids.QUIET_START, "Quiet from", hours.start),
        _time_input(ids.QUIET_END, "Quiet until", hours.end),
        {"type": "input", "block_id": ids.REMINDER_OPTIONS, "optional": True,
         "label": {"type": "plain_text", "text": "Reminders"}, "element": checkboxes},
    ]
    return modal(ids.REMINDERS_VIEW, "Your reminders", blocks, submit="Save")


def _time_input(block_id: str, label: str, initial: time) -> dict:
    return {"type": "input", "block_id": block_id,
            "label": {"type": "plain_text", "text": label},
            "element": {"type": "timepicker", "action_id": block_id,
                        "initial_time": _clock(initial)}}

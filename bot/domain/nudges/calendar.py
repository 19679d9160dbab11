"""Calendar invitations by email: every version of a meeting (booked, moved, cancelled)
reaches both calendars, the mentee's as organiser and the mentor's as the one invited."""

from __future__ import annotations

from bot.domain.nudges.model import Channel, Facts, Family, Need, NudgeKind, Timing
from bot.domain.nudges.subjects import Subject
from bot.domain.relationship import Role, State


def _every_version(facts: Facts, timing: Timing):
    # Only the current version is owed: a move before an email went makes it obsolete.
    if not timing.email_calendars:
        return []
    return [(Subject.meeting_version(c.meeting_id, c.sequence), c.booked_at)
            for c in facts.calendar]


# Any state: an ending cancels the meetings ahead, and those cancellations must arrive too.
# Only before the meeting starts: turning email on never sends invitations for the past.
ANY_STATE = frozenset(State)
FOR_THE_MEETING = frozenset({Need.MEETING})

CALENDAR_TO_MENTEE = NudgeKind(
    "calendar_mentee", Family.CALENDAR, Role.MENTEE, due=_every_version,
    applies_in=ANY_STATE, needs=FOR_THE_MEETING, quiet_hours=False, before_start=True,
    channel=Channel.EMAIL)
CALENDAR_TO_MENTOR = NudgeKind(
    "calendar_mentor", Family.CALENDAR, Role.MENTOR, due=_every_version,
    applies_in=ANY_STATE, needs=FOR_THE_MEETING, quiet_hours=False, before_start=True,
    channel=Channel.EMAIL)

KINDS = (CALENDAR_TO_MENTEE, CALENDAR_TO_MENTOR)

"""Nudges around one meeting: topics before it, logistics the day before, the link
shortly before, and the log and thanks after."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.domain.nudges.model import (
    Facts,
    Family,
    MeetingFacts,
    Need,
    NudgeKind,
    Timing,
)
from bot.domain.nudges.subjects import Subject
from bot.domain.relationship import Role, State

ACTIVE = frozenset({State.ACTIVE})
ABOUT_THE_MEETING = frozenset({Need.MEETING})


def _each_meeting(when: Callable[[Facts, MeetingFacts, Timing], datetime | None], *,
                  per_version: bool = False):
    """A due rule: one nudge per meeting of an active relationship that `when` times
    (`per_version`: one per version of it, so a moved meeting earns it again)."""
    def due(facts: Facts, timing: Timing):
        if facts.state is not State.ACTIVE:
            return []
        return [(Subject.meeting_version(m.meeting_id, m.sequence) if per_version
                 else Subject.meeting(m.meeting_id), at) for m in facts.meetings
                if (at := when(facts, m, timing)) is not None]
    return due


def _agenda_owed(meeting: MeetingFacts) -> bool:
    return meeting.upcoming and not meeting.agenda_sent


# The agreed lead time before a meeting, and no topics yet: "send your topics".
AGENDA_DUE = NudgeKind(
    "agenda_due", Family.MEETING, Role.MENTEE,
    due=_each_meeting(lambda f, m, t: m.starts_at - f.agenda_lead if _agenda_owed(m) else None),
    applies_in=ACTIVE, needs=frozenset({Need.MEETING, Need.CONNECTION_TIP}),
    before_start=True, asked_for="the agenda was sent",
    followed=lambda trail: trail.after(trail.meeting.agenda_sent_at))

# Closer than this to the logistics check, the agenda's last call is said by the check.
MERGED_WITH_LOGISTICS = timedelta(hours=3)


def _last_call(facts: Facts, meeting: MeetingFacts, timing: Timing) -> datetime | None:
    if not _agenda_owed(meeting) or \
            abs(timing.agenda_last_call - timing.logistics_lead) < MERGED_WITH_LOGISTICS:
        return None
    return meeting.starts_at - timing.agenda_last_call


# A day before, still none: send now, or reschedule (unless the logistics check says it).
AGENDA_LAST_CALL = NudgeKind(
    "agenda_last_call", Family.MEETING, Role.MENTEE, due=_each_meeting(_last_call),
    applies_in=ACTIVE, needs=ABOUT_THE_MEETING, before_start=True,
    asked_for="the agenda was sent",
    followed=lambda trail: trail.after(trail.meeting.agenda_sent_at))


def _day_before(facts: Facts, meeting: MeetingFacts, timing: Timing) -> datetime | None:
    return meeting.starts_at - timing.logistics_lead if meeting.upcoming else None


def _soon(facts: Facts, meeting: MeetingFacts, timing: Timing) -> datetime | None:
    return meeting.starts_at - timing.reminder_lead if meeting.upcoming else None


def _briefing(facts: Facts, meeting: MeetingFacts, timing: Timing) -> datetime | None:
    return _day_before(facts, meeting, timing) if facts.mentor_prefs.wants_day_before \
        else None


def _soon_for_mentee(facts: Facts, meeting: MeetingFacts, timing: Timing) -> datetime | None:
    wanted = facts.mentee_prefs.wants_starting_soon_as_mentee
    return _soon(facts, meeting, timing) if wanted else None


def _soon_for_mentor(facts: Facts, meeting: MeetingFacts, timing: Timing) -> datetime | None:
    wanted = facts.mentor_prefs.wants_starting_soon_as_mentor(timing.starting_soon_for_mentor)
    return _soon(facts, meeting, timing) if wanted else None


def _held(trail) -> bool:
    return trail.after(trail.meeting.held_at)


# A day before: the mentee's logistics checklist (times in both zones). A move clears the
# confirmation (a new time, maybe a new link), so the moved meeting is checked again...
LOGISTICS_CHECK = NudgeKind(
    "logistics_check", Family.MEETING, Role.MENTEE,
    due=_each_meeting(_day_before, per_version=True),
    applies_in=ACTIVE, needs=frozenset({Need.MEETING, Need.OTHER_TZ}), before_start=True,
    asked_for="logistics confirmed",
    followed=lambda trail: trail.after(trail.meeting.logistics_confirmed_at))

# ...and the mentor's short briefing.
MENTOR_BRIEFING = NudgeKind(
    "mentor_briefing", Family.MEETING, Role.MENTOR, due=_each_meeting(_briefing),
    applies_in=ACTIVE, needs=frozenset({Need.MEETING, Need.AGREEMENT}), before_start=True,
    asked_for="the meeting was held", followed=_held)

# Shortly before the start, each gets the link.
STARTING_SOON_MENTEE = NudgeKind(
    "starting_soon_mentee", Family.MEETING, Role.MENTEE, due=_each_meeting(_soon_for_mentee),
    applies_in=ACTIVE, needs=ABOUT_THE_MEETING, before_start=True, quiet_hours=False,
    asked_for="the meeting was held", followed=_held)
STARTING_SOON_MENTOR = NudgeKind(
    "starting_soon_mentor", Family.MEETING, Role.MENTOR, due=_each_meeting(_soon_for_mentor),
    applies_in=ACTIVE, needs=ABOUT_THE_MEETING, before_start=True, quiet_hours=False,
    asked_for="the meeting was held", followed=_held)


def _asked_after(facts: Facts, meeting: MeetingFacts, timing: Timing) -> datetime | None:
    if meeting.ends_at is None or meeting.thanked or meeting.logged:
        return None
    return meeting.ends_at + timing.after_meeting


def _thanks_again(facts: Facts, meeting: MeetingFacts, timing: Timing) -> datetime | None:
    if meeting.ends_at is None or meeting.thanked:
        return None
    return meeting.ends_at + timing.after_meeting + timing.thanks_again


# An hour after: log it, note takeaways, thank the mentor...
AFTER_MEETING = NudgeKind(
    "after_meeting", Family.MEETING, Role.MENTEE, due=_each_meeting(_asked_after),
    applies_in=ACTIVE, needs=ABOUT_THE_MEETING, asked_for="logged and thanked",
    followed=lambda trail: trail.after(trail.meeting.thanks_sent_at))

# ...and a day on, thanks once more.
THANKS_REMINDER = NudgeKind(
    "thanks_reminder", Family.MEETING, Role.MENTEE, due=_each_meeting(_thanks_again),
    applies_in=ACTIVE, needs=ABOUT_THE_MEETING, asked_for="the mentor was thanked",
    followed=lambda trail: trail.after(trail.meeting.thanks_sent_at))

KINDS = (AGENDA_DUE, AGENDA_LAST_CALL, LOGISTICS_CHECK, MENTOR_BRIEFING,
         STARTING_SOON_MENTEE, STARTING_SOON_MENTOR, AFTER_MEETING, THANKS_REMINDER)

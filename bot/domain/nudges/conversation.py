"""Nudges that bring one mentoring conversation to an end: booked within its month, or
lapsed kindly a week after it; held, then logged, or completed by itself two weeks on."""

from __future__ import annotations

from bot.domain.nudges.model import Facts, Family, MeetingFacts, Need, NudgeKind, Timing
from bot.domain.nudges.subjects import Subject
from bot.domain.relationship import Action, Role, State


def _open_conversation(facts: Facts) -> bool:
    return (facts.state is State.ACTIVE and facts.conversation
            and facts.active_at is not None and facts.timeline_end is not None)


def _kept(facts: Facts) -> MeetingFacts | None:
    """The conversation itself: booked or held (a missed one is booked again)."""
    kept = [m for m in facts.meetings if not m.missed]
    return max(kept, key=lambda m: m.starts_at, default=None)


def _unbooked(facts: Facts) -> bool:
    return _open_conversation(facts) and _kept(facts) is None


def _booking_reminders(facts: Facts, timing: Timing):
    if not _unbooked(facts):
        return []
    book_by = facts.timeline_end
    first = facts.active_at + timing.conversation_reminder
    last = max(book_by - timing.conversation_reminder, first + timing.rhythm_spacing)
    return [(Subject.booking_window(book_by, 1), first),
            (Subject.booking_window(book_by, 2), last)]


def conversation_lapse(facts: Facts, timing: Timing):
    if not _unbooked(facts):
        return []
    return [(Subject.booking_window(facts.timeline_end),
             facts.timeline_end + timing.conversation_lapse)]


def _close_unlogged(facts: Facts, timing: Timing):
    meeting = _kept(facts) if _open_conversation(facts) else None
    if meeting is None or meeting.ends_at is None:
        return []
    return [(Subject.meeting(meeting.meeting_id), meeting.ends_at + timing.conversation_close)]


# Accepted and not booked: a week after the yes, and a week before the month ends.
BOOK_CONVERSATION = NudgeKind(
    "book_conversation", Family.RHYTHM, Role.MENTEE, due=_booking_reminders,
    applies_in=frozenset({State.ACTIVE}), needs=frozenset({Need.RELATIONSHIP, Need.GAP}),
    asked_for="the conversation was booked",
    followed=lambda trail: trail.meeting_booked_after or trail.after(trail.completed_at))

# Held two weeks ago and never logged (or never thanked for): it completes by itself, and
# no thanks is ever sent in her name. Completed already: a crash came before the telling.
CLOSE_CONVERSATION = NudgeKind(
    "close_conversation", Family.RHYTHM, Role.MENTEE, due=_close_unlogged,
    applies_in=frozenset({State.ACTIVE, State.COMPLETED}), needs=frozenset({Need.RELATIONSHIP}),
    acts=Action.COMPLETE)

KINDS = (BOOK_CONVERSATION, CLOSE_CONVERSATION)

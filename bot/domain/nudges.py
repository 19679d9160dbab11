"""Which nudges should exist for a relationship, given what has happened and the time.

Planning is pure: facts in, nudges out. The scheduler stores them (an outbox keyed by
relationship, subject and kind, so planning twice yields one row) and re-checks each one
with `still_applies` when it comes due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.relationship import State


class NudgeStatus(StrEnum):
    """pending → claimed → sent; or obsolete (no longer applies), failed, paused."""

    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    OBSOLETE = "obsolete"
    FAILED = "failed"
    PAUSED = "paused"


class Kind(StrEnum):
    # The mentor has not answered by the reply-by date: the mentee may send a follow-up.
    REPLY_BY_CHECK = "reply_by_check"
    # Still no answer well after it: the invitation expires and the mentee is told kindly.
    INVITATION_EXPIRY = "invitation_expiry"
    # Agreed, but the mentee has not sent the expectations agreement.
    AGREEMENT_NOT_SENT = "agreement_not_sent"
    # The mentor has not confirmed the mentee's version: the mentee may send one reminder.
    AGREEMENT_UNCONFIRMED = "agreement_unconfirmed"
    # The agreed lead time before a meeting, and no topics yet: "send your topics".
    AGENDA_DUE = "agenda_due"
    # A day before, still none: send now, or reschedule.
    AGENDA_LAST_CALL = "agenda_last_call"
    # A day before: the mentee's logistics checklist, and the mentor's short briefing.
    LOGISTICS_CHECK = "logistics_check"
    MENTOR_BRIEFING = "mentor_briefing"
    # Shortly before the start, each gets the link.
    STARTING_SOON_MENTEE = "starting_soon_mentee"
    STARTING_SOON_MENTOR = "starting_soon_mentor"
    # An hour after: log it, note takeaways, thank the mentor; a day on, thanks once more.
    AFTER_MEETING = "after_meeting"
    THANKS_REMINDER = "thanks_reminder"
    # No next meeting within the agreed cadence of the last one: schedule it.
    KEEP_RHYTHM = "keep_rhythm"
    # Two weeks before the agreed timeline ends: plan the final session.
    FINAL_SESSION = "final_session"


# Nudges that only make sense before the meeting starts; after it, they are dropped.
BEFORE_START = frozenset({Kind.AGENDA_DUE, Kind.AGENDA_LAST_CALL, Kind.LOGISTICS_CHECK,
                          Kind.MENTOR_BRIEFING, Kind.STARTING_SOON_MENTEE,
                          Kind.STARTING_SOON_MENTOR})
# Reminders for a time the two chose themselves: quiet hours would only make them late.
IGNORE_QUIET_HOURS = frozenset({Kind.STARTING_SOON_MENTEE, Kind.STARTING_SOON_MENTOR})


INVITATION = "invitation"  # the subject of invitation nudges; meetings will be "meeting:<id>"
AGREEMENT = "agreement"


@dataclass(frozen=True)
class MeetingFacts:
    meeting_id: int
    starts_at: datetime
    agenda_sent: bool
    ends_at: datetime | None = None
    logged: bool = False
    thanked: bool = False
    upcoming: bool = True  # still scheduled: not yet logged as held or missed
    logistics_confirmed: bool = False


@dataclass(frozen=True)
class Facts:
    """What planning needs to know about one relationship."""

    relationship_id: int
    state: State
    mentee_id: str
    mentor_id: str
    reply_by_at: datetime | None
    agreed_at: datetime | None = None
    agreement_sent: bool = False
    # The newest version, when the mentee wrote it and the mentor has yet to confirm.
    awaiting_mentor: tuple[int, datetime] | None = None
    meetings: tuple[MeetingFacts, ...] = ()
    agenda_lead: timedelta = timedelta(days=2)
    active_at: datetime | None = None
    cadence_days: int = 14
    timeline_end: datetime | None = None


@dataclass(frozen=True)
class Timing:
    invitation_grace: timedelta = timedelta(days=7)
    agreement_due: timedelta = timedelta(days=2)
    agreement_reply: timedelta = timedelta(days=2)
    agenda_last_call: timedelta = timedelta(hours=24)
    logistics_lead: timedelta = timedelta(hours=24)
    reminder_lead: timedelta = timedelta(minutes=15)
    after_meeting: timedelta = timedelta(hours=1)
    thanks_again: timedelta = timedelta(hours=24)
    final_session_lead: timedelta = timedelta(days=14)


DEFAULT_TIMING = Timing()


@dataclass(frozen=True)
class Planned:
    kind: Kind
    subject: str
    recipient_id: str  # whose quiet hours and time zone apply
    due_at: datetime


def plan(facts: Facts, timing: Timing) -> list[Planned]:
    if facts.state is State.INVITED and facts.reply_by_at is not None:
        return [
            Planned(Kind.REPLY_BY_CHECK, INVITATION, facts.mentee_id, facts.reply_by_at),
            Planned(Kind.INVITATION_EXPIRY, INVITATION, facts.mentee_id,
                    facts.reply_by_at + timing.invitation_grace),
        ]
    if facts.state is State.AGREED and facts.agreed_at is not None:
        if not facts.agreement_sent:
            return [Planned(Kind.AGREEMENT_NOT_SENT, AGREEMENT, facts.mentee_id,
                            facts.agreed_at + timing.agreement_due)]
        if facts.awaiting_mentor is not None:
            version, sent_at = facts.awaiting_mentor
            return [Planned(Kind.AGREEMENT_UNCONFIRMED, f"{AGREEMENT}:v{version}",
                            facts.mentee_id, sent_at + timing.agreement_reply)]
    if facts.state is State.ACTIVE:
        return [*(nudge for meeting in facts.meetings
                  for nudge in (*_agenda(facts, meeting, timing),
                                *_logistics(facts, meeting, timing),
                                *_afterwards(facts, meeting, timing))),
                *_rhythm(facts, timing)]
    return []


# A keep-the-rhythm nudge this close before the final-session one would say the same
# thing with the same button: the final-session nudge, which asks for that meeting, goes.
RHYTHM_BEFORE_FINAL = timedelta(days=1)


def _rhythm(facts: Facts, timing: Timing) -> list[Planned]:
    planned = []
    final_due = (facts.timeline_end - timing.final_session_lead
                 if facts.timeline_end is not None else None)
    if not any(m.upcoming for m in facts.meetings) and facts.active_at is not None:
        last = max(facts.meetings, key=lambda m: m.starts_at, default=None)
        since = last.starts_at if last else facts.active_at
        due = since + timedelta(days=facts.cadence_days)
        if final_due is None or due < final_due - RHYTHM_BEFORE_FINAL:
            # One per gap: the subject names the meeting the gap follows.
            planned.append(Planned(Kind.KEEP_RHYTHM,
                                   f"rhythm:{last.meeting_id if last else 0}",
                                   facts.mentee_id, due))
    if final_due is not None:
        # Keyed by the end date: a continuation moves the end, and earns a new nudge.
        planned.append(Planned(Kind.FINAL_SESSION, f"timeline:{facts.timeline_end:%Y-%m-%d}",
                               facts.mentee_id, final_due))
    return planned


def _afterwards(facts: Facts, meeting: MeetingFacts, timing: Timing) -> list[Planned]:
    if meeting.ends_at is None or meeting.thanked:
        return []
    subject = f"meeting:{meeting.meeting_id}"
    asked = meeting.ends_at + timing.after_meeting
    planned = [] if meeting.logged else [
        Planned(Kind.AFTER_MEETING, subject, facts.mentee_id, asked)]
    return [*planned, Planned(Kind.THANKS_REMINDER, subject, facts.mentee_id,
                              asked + timing.thanks_again)]


def _logistics(facts: Facts, meeting: MeetingFacts, timing: Timing) -> list[Planned]:
    if not meeting.upcoming:
        return []
    subject = f"meeting:{meeting.meeting_id}"
    day_before = meeting.starts_at - timing.logistics_lead
    soon = meeting.starts_at - timing.reminder_lead
    return [
        Planned(Kind.LOGISTICS_CHECK, subject, facts.mentee_id, day_before),
        Planned(Kind.MENTOR_BRIEFING, subject, facts.mentor_id, day_before),
        Planned(Kind.STARTING_SOON_MENTEE, subject, facts.mentee_id, soon),
        Planned(Kind.STARTING_SOON_MENTOR, subject, facts.mentor_id, soon),
    ]


def _agenda(facts: Facts, meeting: MeetingFacts, timing: Timing) -> list[Planned]:
    if meeting.agenda_sent or not meeting.upcoming:
        return []
    subject = f"meeting:{meeting.meeting_id}"
    return [
        Planned(Kind.AGENDA_DUE, subject, facts.mentee_id, meeting.starts_at - facts.agenda_lead),
        Planned(Kind.AGENDA_LAST_CALL, subject, facts.mentee_id,
                meeting.starts_at - timing.agenda_last_call),
    ]


def still_applies(kind: Kind, state: State) -> bool:
    """Re-checked at send time: a nudge whose moment has passed is dropped, not sent."""
    match kind:
        case Kind.REPLY_BY_CHECK:
            return state is State.INVITED
        case Kind.INVITATION_EXPIRY:
            # Already expired means a crash came between expiring and telling: tell now.
            return state in (State.INVITED, State.EXPIRED)
        case Kind.AGREEMENT_NOT_SENT | Kind.AGREEMENT_UNCONFIRMED:
            return state is State.AGREED
        case (Kind.AGENDA_DUE | Kind.AGENDA_LAST_CALL | Kind.LOGISTICS_CHECK
              | Kind.MENTOR_BRIEFING | Kind.STARTING_SOON_MENTEE | Kind.STARTING_SOON_MENTOR
              | Kind.AFTER_MEETING | Kind.THANKS_REMINDER | Kind.KEEP_RHYTHM
              | Kind.FINAL_SESSION):
            return state is State.ACTIVE
    return False

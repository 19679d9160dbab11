"""What every nudge kind is made of, and the facts planning reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.nudges.subjects import Subject
from bot.domain.preferences import WORKSPACE_DEFAULTS, Preferences
from bot.domain.relationship import Action, Role, State


class NudgeStatus(StrEnum):
    """pending → claimed → sent; or obsolete (no longer applies), failed, paused."""

    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    OBSOLETE = "obsolete"
    FAILED = "failed"
    PAUSED = "paused"


class Family(StrEnum):
    INVITATION = "invitation"
    AGREEMENT = "agreement"
    MEETING = "meeting"
    RHYTHM = "rhythm"
    CALENDAR = "calendar"


class Channel(StrEnum):
    """How a nudge reaches its recipient."""

    SLACK = "slack"  # a DM from mentorbot
    EMAIL = "email"  # a calendar invitation to their Slack profile's address


class Need(StrEnum):
    """What a kind's message is built from, read just before it is sent."""

    RELATIONSHIP = "relationship"
    MEETING = "meeting"  # the meeting its subject names
    AGREEMENT = "agreement"  # the newest agreement version
    OTHER_TZ = "other_tz"  # the other person's time zone
    CONNECTION_TIP = "connection_tip"  # the mentee's own tip, from her private check-ins
    GAP = "gap"  # when the pair last met (or began), and when silence would close it


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
    missed: bool = False  # logged as not held
    sequence: int = 0  # its version: a move makes a new one


@dataclass(frozen=True)
class CalendarFacts:
    """A meeting's current version, which both calendars must have: cancelled ones too."""

    meeting_id: int
    sequence: int
    booked_at: datetime


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
    # Each one's own reminder settings, for the reminders they may turn off.
    mentee_prefs: Preferences = WORKSPACE_DEFAULTS
    mentor_prefs: Preferences = WORKSPACE_DEFAULTS
    calendar: tuple[CalendarFacts, ...] = ()
    # One mentoring conversation: no rhythm to keep and no timeline to close.
    conversation: bool = False
    # When each "what next?" was asked (sent), by subject: the lapse counts from there.
    decisions_asked: tuple[tuple[str, datetime], ...] = ()
    # Her latest proposal to continue (kept once answered), and whether it still waits on
    # the mentor: either way, "what next?" is asked afresh two weeks after it.
    continuation_proposed_at: datetime | None = None
    continuation_pending: bool = False
    lapsed_at: datetime | None = None


@dataclass(frozen=True)
class Timing:
    invitation_grace: timedelta = timedelta(days=7)
    agreement_due: timedelta = timedelta(days=2)
    agreement_reply: timedelta = timedelta(days=2)
    # Agreed and still not in force after this, she is told when it will close; after
    # `agreement_lapse`, it lapses: a yes never becomes a relationship left in limbo.
    agreement_last_call: timedelta = timedelta(days=14)
    agreement_lapse: timedelta = timedelta(days=21)
    agenda_last_call: timedelta = timedelta(hours=24)
    logistics_lead: timedelta = timedelta(hours=24)
    reminder_lead: timedelta = timedelta(minutes=15)
    after_meeting: timedelta = timedelta(hours=1)
    thanks_again: timedelta = timedelta(hours=24)
    final_session_lead: timedelta = timedelta(days=14)
    # Rhythm asks (keep the rhythm, final session, what next) never come closer than this.
    rhythm_spacing: timedelta = timedelta(days=7)
    # Asked to keep the rhythm after one and two cadences; after three, asked to decide.
    decide_after_cadences: int = 3
    decision_reminder: timedelta = timedelta(days=7)
    lapse_after_asking: timedelta = timedelta(days=14)
    # A proposal to continue is her answer: the mentor has this long before she is asked again.
    continuation_wait: timedelta = timedelta(days=14)
    # A conversation: reminded a week after the yes and a week before its month ends;
    # unbooked a week after that month, it lapses; held and never logged, it completes.
    conversation_reminder: timedelta = timedelta(days=7)
    conversation_lapse: timedelta = timedelta(days=7)
    conversation_close: timedelta = timedelta(days=14)
    # The mentor's "starting soon": off unless asked for; the day-before reminder has it all.
    starting_soon_for_mentor: bool = False
    # Calendar invitations by email (SMTP_URL set): each booking, move and cancellation.
    email_calendars: bool = False


DEFAULT_TIMING = Timing()


@dataclass(frozen=True)
class MeetingTrail:
    agenda_sent_at: datetime | None = None
    logistics_confirmed_at: datetime | None = None
    held_at: datetime | None = None  # logged as held
    thanks_sent_at: datetime | None = None


@dataclass(frozen=True)
class Trail:
    """The timestamps that tell whether the step a sent nudge asked for followed it."""

    sent_at: datetime
    answered_at: datetime | None = None  # the mentor agreed or declined
    completed_at: datetime | None = None
    agreement_written_after: bool = False  # a new agreement version since the nudge
    version_confirmed_at: datetime | None = None  # the version the subject names
    meeting: MeetingTrail = field(default_factory=MeetingTrail)
    meeting_booked_after: bool = False

    def after(self, stamp: datetime | None) -> bool:
        return stamp is not None and stamp >= self.sent_at


# When a kind comes due: (subject, instant) for each nudge of it the facts call for.
DueRule = Callable[[Facts, Timing], Iterable[tuple[Subject, datetime]]]


@dataclass(frozen=True, eq=False)
class NudgeKind:
    """One kind of nudge, declared whole: to whom, when, until when, from what it is
    built, what counts as its effect, and whether quiet hours hold it back.

    Its message is the builder registered under it in `bot/messages/nudges/`."""

    name: str  # stored in the outbox
    family: Family
    recipient: Role
    due: DueRule
    # Re-checked when it comes due: in any other state it is dropped, not sent.
    applies_in: frozenset[State]
    needs: frozenset[Need]
    # What the mentee was asked to do, and whether it followed; None: not measured.
    asked_for: str | None = None
    followed: Callable[[Trail], bool] | None = None
    # Reminders for a time the two chose themselves: quiet hours would only make them late.
    quiet_hours: bool = True
    # Only makes sense before its meeting starts; after, it is dropped.
    before_start: bool = False
    # A transition the dispatcher applies, as mentorbot, before sending (the expiry).
    acts: Action | None = None
    channel: Channel = Channel.SLACK
    # What follows it counts from when it went out: planning runs again once it has.
    replans_when_sent: bool = False

    @property
    def value(self) -> str:
        return self.name

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"NudgeKind({self.name})"


@dataclass(frozen=True)
class Planned:
    kind: NudgeKind
    subject: Subject
    recipient_id: str  # whose quiet hours and time zone apply
    due_at: datetime

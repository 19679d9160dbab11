"""How a relationship is doing, as figures only: never a word of what anyone wrote.

The same figures serve the two people (on their App Home) and the coordinator (summed
over the programme), so they are computed once, here, from plain records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.meetings import MeetingStatus

# The agenda lead time when none was agreed (the agreement's default).
DEFAULT_AGENDA_LEAD = timedelta(days=2)
# No meeting for this many agreed intervals and nothing booked: the relationship stalls.
STALLED_AFTER_CADENCES = 2


@dataclass(frozen=True)
class MeetingRecord:
    starts_at: datetime
    status: MeetingStatus
    agenda_sent_at: datetime | None = None
    thanks_sent_at: datetime | None = None


@dataclass(frozen=True)
class Agreed:
    """What the two agreed, as far as judging their progress needs it."""

    agenda_lead: timedelta = DEFAULT_AGENDA_LEAD
    active_at: datetime | None = None
    cadence_days: int = 14
    ends_at: datetime | None = None

    def meetings_expected_by(self, now: datetime) -> int:
        """One per agreed interval since the start, up to the end of the timeline."""
        if self.active_at is None:
            return 0
        until = min(now, self.ends_at) if self.ends_at is not None else now
        if until <= self.active_at:
            return 0
        return int((until - self.active_at) / timedelta(days=self.cadence_days))


@dataclass(frozen=True)
class Health:
    planned: int = 0  # meetings whose time has come, cancelled ones aside
    held: int = 0
    agendas_on_time: int = 0  # sent at least the agreed lead time ahead
    thanks_sent: int = 0
    late_by_mentee: int = 0
    late_by_mentor: int = 0
    expected: int = 0  # meetings the agreed cadence asks for by now

    @property
    def late_changes(self) -> int:
        return self.late_by_mentee + self.late_by_mentor

    def __add__(self, other: Health) -> Health:
        return Health(*(a + b for a, b in zip(_fields(self), _fields(other), strict=True)))


def _fields(health: Health) -> tuple[int, ...]:
    return (health.planned, health.held, health.agendas_on_time, health.thanks_sent,
            health.late_by_mentee, health.late_by_mentor, health.expected)


def health(meetings: list[MeetingRecord], now: datetime, late_by_mentee: int = 0,
           late_by_mentor: int = 0, agreed: Agreed = Agreed()) -> Health:
    due = [m for m in meetings if m.status != MeetingStatus.CANCELLED and m.starts_at <= now]
    held = [m for m in due if m.status == MeetingStatus.HELD]
    # On time means by the lead time the two agreed: one sent on the last call is late.
    on_time = [m for m in due if m.agenda_sent_at is not None
               and m.agenda_sent_at <= m.starts_at - agreed.agenda_lead]
    thanked = [m for m in held if m.thanks_sent_at is not None]
    return Health(len(due), len(held), len(on_time), len(thanked), late_by_mentee,
                  late_by_mentor, agreed.meetings_expected_by(now))


def is_stalled(meetings: list[MeetingRecord], now: datetime, active_at: datetime | None,
               cadence_days: int) -> bool:
    """Active, nothing booked ahead, and no meeting for twice the agreed cadence."""
    if active_at is None:
        return False
    kept = [m for m in meetings if m.status != MeetingStatus.CANCELLED]
    if any(m.starts_at > now for m in kept):
        return False
    last = max((m.starts_at for m in kept), default=active_at)
    return now - last > timedelta(days=STALLED_AFTER_CADENCES * cadence_days)


def share(part: int, whole: int) -> float | None:
    """A proportion, or None when there is nothing to divide by yet."""
    return part / whole if whole else None

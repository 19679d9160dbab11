"""Nothing is sent at 3 a.m.: move an instant out of the recipient's quiet hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

SATURDAY = 5


@dataclass(frozen=True)
class QuietHours:
    start: time = time(21, 0)  # quiet from here...
    end: time = time(8, 0)  # ...until here, the next morning when start > end
    weekends: bool = False  # also quiet all Saturday and Sunday

    def _quiet_at(self, local: datetime) -> bool:
        if self.weekends and local.weekday() >= SATURDAY:
            return True
        clock = local.time()
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= clock < self.end
        return clock >= self.start or clock < self.end

    def is_quiet(self, instant: datetime, tz: ZoneInfo) -> bool:
        return self._quiet_at(instant.astimezone(tz))

    def next_allowed(self, instant: datetime, tz: ZoneInfo) -> datetime:
        """`instant` itself when allowed, else the first allowed moment after it (UTC)."""
        local = instant.astimezone(tz)
        if not self._quiet_at(local):
            return instant.astimezone(UTC)
        day = local.date()
        if self.start > self.end and local.time() >= self.start:
            day += timedelta(days=1)
        while True:
            # Wall-clock arithmetic on dates, then zoneinfo for the offset of that day:
            # this is what keeps 08:00 at 08:00 across a DST change.
            candidate = datetime.combine(day, self.end, tzinfo=tz)
            if not (self.weekends and candidate.weekday() >= SATURDAY):
                return candidate.astimezone(UTC)
            day += timedelta(days=1)

"""When an agreed timeline ends: months are counted as their average length, so "six
months" from any start day ends about the same number of days later."""

from __future__ import annotations

from datetime import datetime, timedelta

DAYS_PER_MONTH = 30.44


def timeline_end(active_at: datetime | None, months: int) -> datetime | None:
    if active_at is None:
        return None
    return active_at + timedelta(days=round(months * DAYS_PER_MONTH))

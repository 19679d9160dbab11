"""When an agreed timeline ends: months are counted as their average length, so "six
months" from any start day ends about the same number of days later."""

from __future__ import annotations

from datetime import datetime, timedelta

DAYS_PER_MONTH = 30.44


def timeline_end(active_at: datetime | None, months: int) -> datetime | None:
    if active_at is None:
        return None
    return active_at + timedelta(days=round(months * DAYS_PER_MONTH))


def elapsed(since: datetime, now: datetime) -> str:
    """How long ago `since` was, as a person would say it: "9 days", "3 weeks",
    "a month", "6 weeks", "3 months"."""
    days = max(0, (now - since).days)
    if days < 7:
        return "a day" if days <= 1 else f"{days} days"
    if days < 14:
        return "a week"
    if 28 <= days < 35:
        return "a month"
    if days < 56:
        return f"{days // 7} weeks"
    return f"{round(days / DAYS_PER_MONTH)} months"

"""Dates and times as each reader sees them, in their own Slack time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(tz_name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(tz_name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_today(now: datetime, tz_name: str | None) -> date:
    return now.astimezone(zone(tz_name)).date()


def end_of_day(day: date, tz_name: str | None) -> datetime:
    """The last minute of `day` where the person lives, as a UTC instant."""
    local = datetime.combine(day, time(23, 59), tzinfo=zone(tz_name))
    return local.astimezone(UTC)


def when(instant: datetime, tz_name: str | None) -> str:
    """e.g. 'Tue 1 Dec 2026, 23:59 CET'."""
    local = instant.astimezone(zone(tz_name))
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M %Z}"


def day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def days_from(today: date, days: int) -> date:
    return today + timedelta(days=days)

"""Quiet hours in the recipient's own zone, across both DST changes."""

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.domain.quiet_hours import QuietHours

BERLIN, NEW_YORK, TOKYO = (ZoneInfo(z) for z in ("Europe/Berlin", "America/New_York",
                                                  "Asia/Tokyo"))
QUIET = QuietHours()


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(("instant", "tz", "expected"), [
    # Daytime passes straight through.
    (utc(2026, 6, 10, 10, 0), BERLIN, utc(2026, 6, 10, 10, 0)),
    # 23:30 in Berlin (summer, UTC+2) waits for 08:00 Berlin = 06:00 UTC.
    (utc(2026, 6, 10, 21, 30), BERLIN, utc(2026, 6, 11, 6, 0)),
    # 03:00 in Berlin (winter, UTC+1) waits the same morning: 08:00 = 07:00 UTC.
    (utc(2026, 1, 15, 2, 0), BERLIN, utc(2026, 1, 15, 7, 0)),
    # Exactly 21:00 is quiet; 08:00 is not.
    (utc(2026, 1, 15, 20, 0), BERLIN, utc(2026, 1, 16, 7, 0)),
    (utc(2026, 1, 15, 7, 0), BERLIN, utc(2026, 1, 15, 7, 0)),
    # Spring forward in Berlin (29 March 2026, 02:00 → 03:00): 23:00 on the 28th is
    # UTC+1, but 08:00 on the 29th is already UTC+2.
    (utc(2026, 3, 28, 22, 0), BERLIN, utc(2026, 3, 29, 6, 0)),
    # Fall back in Berlin (25 October 2026, 03:00 → 02:00): the reverse.
    (utc(2026, 10, 24, 21, 0), BERLIN, utc(2026, 10, 25, 7, 0)),
    # New York's changes fall on other dates (8 March and 1 November 2026).
    (utc(2026, 3, 8, 4, 0), NEW_YORK, utc(2026, 3, 8, 12, 0)),
    (utc(2026, 11, 1, 4, 0), NEW_YORK, utc(2026, 11, 1, 13, 0)),
    # One instant, three readers: quiet for one, not for the others.
    (utc(2026, 6, 10, 14, 0), TOKYO, utc(2026, 6, 10, 23, 0)),
    (utc(2026, 6, 10, 14, 0), NEW_YORK, utc(2026, 6, 10, 14, 0)),
])
def test_a_quiet_instant_moves_to_eight_in_the_morning_local_time(instant, tz, expected):
    assert QUIET.next_allowed(instant, tz) == expected
    assert QUIET.next_allowed(instant, tz).astimezone(tz).time() in (time(8, 0),
                                                                      instant.astimezone(tz).time())


def test_quiet_weekends_wait_for_monday_morning():
    weekends = QuietHours(weekends=True)
    friday_night = utc(2026, 11, 27, 22, 0)  # Friday 23:00 in Berlin
    assert weekends.next_allowed(friday_night, BERLIN) == utc(2026, 11, 30, 7, 0)
    saturday_noon = utc(2026, 11, 28, 11, 0)
    assert weekends.next_allowed(saturday_noon, BERLIN) == utc(2026, 11, 30, 7, 0)
    assert QUIET.next_allowed(saturday_noon, BERLIN) == saturday_noon


def test_daytime_quiet_hours_and_none_at_all():
    lunch = QuietHours(start=time(12, 0), end=time(13, 0))
    assert lunch.next_allowed(utc(2026, 6, 10, 12, 30), ZoneInfo("UTC")) == utc(2026, 6, 10, 13)
    never = QuietHours(start=time(0, 0), end=time(0, 0))
    assert never.next_allowed(utc(2026, 6, 10, 3, 0), BERLIN) == utc(2026, 6, 10, 3, 0)

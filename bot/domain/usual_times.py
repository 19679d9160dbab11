"""Times that usually suit a mentor: a few weekly windows in his own zone, as he would say
them ("Tue and Thu 16:00–18:00"), and the free slots inside them a mentee is offered when
she books. No calendar is read: he says when he is usually free, once, and she books
inside it; the pair's meetings and his others are the only busy times known."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

TEXT_LIMIT = 300
EXAMPLE = "Tue and Thu 16:00–18:00"
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAYS = {name: n for n, names in enumerate((
    ("mon", "monday", "mondays"), ("tue", "tues", "tuesday", "tuesdays"),
    ("wed", "weds", "wednesday", "wednesdays"), ("thu", "thur", "thurs", "thursday",
                                                  "thursdays"),
    ("fri", "friday", "fridays"), ("sat", "saturday", "saturdays"),
    ("sun", "sunday", "sundays"))) for name in names}
_GROUPS = {"weekdays": range(5), "weekday": range(5), "weekends": range(5, 7),
           "weekend": range(5, 7), "daily": range(7), "every day": range(7)}
_CLOCK = r"\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm)?"
_LINE = re.compile(rf"^(?P<days>.*?)\s*(?:from\s+|,\s*)?(?P<start>{_CLOCK})\s*"
                   rf"(?:-|–|—|to|until|till)\s*(?P<end>{_CLOCK})$", re.IGNORECASE)
_RANGE = re.compile(r"^(\w+)\s*(?:-|–|—|to|through|thru)\s*(\w+)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:,|&|\+|/|\band\b)\s*", re.IGNORECASE)
# Each window offers at most one slot a day: the first free one, so that the offer spreads
# over several days instead of filling one afternoon.
STEP = timedelta(minutes=30)
OFFERED = 4
LOOKED_AHEAD = timedelta(days=35)


@dataclass(frozen=True, order=True)
class Window:
    day: int  # Monday is 0
    start: time
    end: time


class WindowsRefused(ValueError):
    """What to fix in the windows as typed, in words for the form."""


def parse(text: str) -> tuple[Window, ...]:
    """The windows a person typed, one per line (or separated by ";"). Empty text is no
    windows: saying nothing is fine. Raises WindowsRefused naming the line to fix."""
    windows: list[Window] = []
    for line in (part.strip(" .") for part in re.split(r"[\n;]+", text)):
        if line:
            windows.extend(_line(line))
    _no_overlap(windows)
    return tuple(sorted(set(windows)))


def _line(line: str) -> list[Window]:
    found = _LINE.match(line)
    if found is None:
        raise WindowsRefused(f"I can't read “{line}”: write a day and a time span, like "
                             f"“{EXAMPLE}”.")
    days = _days(found["days"], line)
    start, end = _clock(found["start"], line), _clock(found["end"], line)
    if end == start:
        raise WindowsRefused(f"“{line}” is empty: it ends when it starts.")
    if end < start:
        raise WindowsRefused(f"In “{line}” the end comes before the start: a window ends "
                             "the same day, later than it starts.")
    return [Window(day, start, end) for day in days]


def _days(text: str, line: str) -> list[int]:
    text = text.strip(" ,:").lower()
    if not text:
        raise WindowsRefused(f"“{line}” names no day: start with one, like “{EXAMPLE}”.")
    if text in _GROUPS:
        return list(_GROUPS[text])
    days: list[int] = []
    for part in _SEPARATORS.split(text):
        span = _RANGE.match(part)
        if span and span[1].lower() in _DAYS and span[2].lower() in _DAYS:
            first, last = _DAYS[span[1].lower()], _DAYS[span[2].lower()]
            days.extend(range(first, last + 1) if first <= last else
                        [*range(first, 7), *range(0, last + 1)])
        elif part in _DAYS:
            days.append(_DAYS[part])
        elif part in _GROUPS:
            days.extend(_GROUPS[part])
        else:
            raise WindowsRefused(f"In “{line}”, “{part}” is not a day: use Mon, Tue, … Sun.")
    return days


def _clock(text: str, line: str) -> time:
    found = re.fullmatch(r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?", text.strip().lower())
    assert found is not None  # the line's pattern matched it
    hour, minute, half = int(found[1]), int(found[2] or 0), found[3]
    if half:
        if not 1 <= hour <= 12:
            raise WindowsRefused(f"In “{line}”, {text} is not a time of day.")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour == 24 and minute == 0:
        return time(23, 59)
    if hour > 23 or minute > 59:
        raise WindowsRefused(f"In “{line}”, {text} is not a time of day.")
    return time(hour, minute)


def _no_overlap(windows: list[Window]) -> None:
    ordered = sorted(set(windows))
    for before, after in pairwise(ordered):
        if before.day == after.day and after.start < before.end:
            raise WindowsRefused(f"{describe((before,))} and {describe((after,))} overlap: "
                                 "join them into one window.")


def describe(windows: Iterable[Window]) -> str:
    """The windows as he would say them: days that share a span are said together."""
    spans: dict[tuple[time, time], list[int]] = {}
    for window in sorted(windows):
        spans.setdefault((window.start, window.end), []).append(window.day)
    said = []
    for (start, end), days in sorted(spans.items(), key=lambda item: (item[1], item[0])):
        names = [DAY_NAMES[day] for day in days]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        said.append(f"{listed} {start:%H:%M}–{end:%H:%M}")
    return "; ".join(said)


def free_slots(windows: Iterable[Window], zone: ZoneInfo, minutes: int, earliest: datetime,
               busy: Iterable[tuple[datetime, datetime]], *, before: datetime | None = None,
               suits: Callable[[datetime], bool] = lambda start: True,
               wanted: int = OFFERED) -> list[datetime]:
    """The next `wanted` starts inside the windows (read in `zone`, his zone now): each the
    first in its window that day, no earlier than `earliest`, before `before`, overlapping
    nothing `busy`, and that `suits` (her waking day, say). In UTC."""
    windows = sorted(windows)
    busy = list(busy)
    length = timedelta(minutes=minutes)
    found: list[datetime] = []
    first_day = earliest.astimezone(zone).date()
    for offset in range(LOOKED_AHEAD.days + 1):
        day = first_day + timedelta(days=offset)
        for window in (w for w in windows if w.day == day.weekday()):
            slot = _first_free(window, day, zone, length, earliest, busy, before, suits)
            if slot is not None:
                found.append(slot.astimezone(UTC))
                if len(found) == wanted:
                    return found
    return found


def overlaps(start: datetime, length: timedelta,
             busy: Iterable[tuple[datetime, datetime]]) -> bool:
    """Whether a meeting from `start` lasting `length` overlaps any busy span."""
    return any(start < taken_end and taken_start < start + length
               for taken_start, taken_end in busy)


def _first_free(window: Window, day: date, zone: ZoneInfo, length: timedelta,
                earliest: datetime, busy: list[tuple[datetime, datetime]],
                before: datetime | None, suits: Callable[[datetime], bool]) -> datetime | None:
    start = datetime.combine(day, window.start, tzinfo=zone)
    end = datetime.combine(day, window.end, tzinfo=zone)
    while start + length <= end:
        if before is not None and start >= before:
            return None
        if start >= earliest and suits(start) and not overlaps(start, length, busy):
            return start
        start += STEP
    return None

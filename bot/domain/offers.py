"""People open to mentoring, and how a mentee finds one: who has room, ranked by the
words she searched for and the working hours they share. Nothing here matches people;
it orders a list she chooses from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.invitation import MeetingFormat

TAGS = ("career growth", "leadership", "management", "engineering", "product", "design",
        "data", "sales", "starting a company", "changing careers", "communication",
        "work-life balance")
TOPICS_LIMIT = 500
NOTE_LIMIT = 300
SHOWN = 10
WORKDAY = (time(9), time(17))
_WORD = re.compile(r"[\w'-]+")
# Shorter words match whole words only: "ui" must not find "build".
_PREFIX_FROM = 4


@dataclass(frozen=True)
class Offer:
    topics: str
    tags: tuple[str, ...]
    capacity: int
    formats: tuple[MeetingFormat, ...]
    note: str = ""
    paused: bool = False


def problems(offer: Offer, mentoring_now: int, workspace_limit: int) -> dict[str, str]:
    """Field → what to fix; empty when the offer can be saved."""
    found: dict[str, str] = {}
    if not offer.topics.strip() and not offer.tags:
        found["topics"] = ("Name at least one topic, or tick a tag: it is how mentees "
                           "who need you find you.")
    if not 1 <= offer.capacity <= workspace_limit:
        found["capacity"] = f"Choose between 1 and {workspace_limit}, this workspace's limit."
    elif offer.capacity < mentoring_now:
        found["capacity"] = (f"You mentor {mentoring_now} people now: choose at least "
                             f"{mentoring_now}, or pause your offer to take nobody new.")
    if not offer.formats:
        found["formats"] = "Choose at least one way to meet."
    return found


@dataclass(frozen=True)
class Candidate:
    user_id: str
    offer: Offer
    tz: str
    mentoring_now: int

    @property
    def spare(self) -> int:
        return self.offer.capacity - self.mentoring_now


def words_of(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def topic_match(searched: set[str], offer: Offer) -> int:
    """How many of the searched words the offer's topics, tags or note contain."""
    offered = words_of(" ".join((offer.topics, *offer.tags, offer.note)))
    return sum(1 for word in searched
               if word in offered or (len(word) >= _PREFIX_FROM
                                      and any(o.startswith(word) for o in offered)))


def shared_hours(tz_a: str, tz_b: str, on: datetime) -> float:
    """Hours of a 9-to-5 working day the two have in common, on `on`'s date."""
    spans = []
    for tz in (tz_a, tz_b):
        zone = ZoneInfo(tz)
        day = on.astimezone(zone).date()
        spans.append((datetime.combine(day, WORKDAY[0], zone),
                      datetime.combine(day, WORKDAY[1], zone)))
    (a_start, a_end), (b_start, b_end) = spans
    # The two local dates may differ; compare one working day against the nearest other.
    best = timedelta(0)
    for shift in (timedelta(days=-1), timedelta(0), timedelta(days=1)):
        overlap = min(a_end, b_end + shift) - max(a_start, b_start + shift)
        best = max(best, overlap)
    return best.total_seconds() / 3600


def rank(candidates: list[Candidate], searched: str, seeker_tz: str, now: datetime
         ) -> list[Candidate]:
    """Those with room, best first: most searched words matched, then most shared hours;
    at most `SHOWN`."""
    words = words_of(searched)
    open_ones = [c for c in candidates if c.spare > 0 and not c.offer.paused]
    return sorted(open_ones, key=lambda c: (-topic_match(words, c.offer),
                                            -shared_hours(seeker_tz, c.tz, now),
                                            c.user_id))[:SHOWN]

"""What makes a meeting's logistics right: a future time inside the timeline, no overlap,
and a link that works or a place to be."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.invitation import CONVERSATION_MINUTES, MeetingFormat
from bot.domain.quiet_hours import QuietHours

CONVERSATION_LONGEST = max(CONVERSATION_MINUTES)


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    MISSED = "missed"
    CANCELLED = "cancelled"


# Each provider's meeting links have a recognisable shape; a link that does not match is
# most often a copied profile page or a typo, which is exactly the dead link to prevent.
PROVIDERS: dict[str, tuple[re.Pattern[str], re.Pattern[str], str]] = {
    "Zoom": (re.compile(r"(^|\.)zoom\.us$"), re.compile(r"^/(j|my|w)/[\w.-]+$"),
             "https://zoom.us/j/1234567890"),
    "Google Meet": (re.compile(r"^meet\.google\.com$"),
                    re.compile(r"^/[a-z]{3}-[a-z]{4}-[a-z]{3}$"), "https://meet.google.com/abc-defg-hij"),
    "Microsoft Teams": (re.compile(r"^teams\.(microsoft|live)\.com$"),
                        re.compile(r"^/(l/meetup-join/|meet/).+"),
                        "https://teams.microsoft.com/l/meetup-join/…"),
    "Webex": (re.compile(r"(^|\.)webex\.com$"), re.compile(r"^/(meet/|join/|.*j\.php).*"),
              "https://company.webex.com/meet/name"),
}


@dataclass(frozen=True)
class MeetingPlan:
    starts_at: datetime  # aware
    minutes: int
    meeting_format: MeetingFormat
    link: str
    place: str

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


# Characters a URL never needs and Slack's markup gives meaning to: with them a link could
# close itself and show a label of the sender's choosing, or carry a mention.
_UNSAFE = re.compile(r"[<>|\\\"'`\s\x00-\x1f\x7f]")


def link_problem(link: str) -> str | None:
    link = link.strip()
    if _UNSAFE.search(link) or not link.isascii():
        return "That link has characters a real meeting link doesn't: paste it as copied " \
               "from the invitation, e.g. https://zoom.us/j/1234567890."
    try:
        parsed = urlsplit(link)
        hostname, port = parsed.hostname, parsed.port
    except ValueError:
        hostname = port = None
        parsed = None
    if parsed is None or parsed.scheme != "https" or not hostname or "." not in hostname:
        return "Paste the full https:// link of the call, e.g. https://zoom.us/j/1234567890."
    if parsed.username is not None or parsed.password is not None or port not in (None, 443):
        # https://zoom.us@elsewhere.example/ reads as Zoom and opens elsewhere.
        return "Paste the link without a user name or port, e.g. https://zoom.us/j/1234567890."
    host = hostname.lower()
    for provider, (host_shape, path_shape, example) in PROVIDERS.items():
        if host_shape.search(host) and not path_shape.match(parsed.path):
            return f"That doesn't look like a {provider} meeting link; it should look like " \
                   f"{example}."
    return None


# Once the timeline has ended, "what next?" may still be answered with a final session.
FINAL_SESSION_GRACE = timedelta(days=21)


def bookable_before(now: datetime, timeline_end: datetime | None, *,
                    conversation: bool = False) -> datetime | None:
    """What a new start must come before, by the timeline (None: nothing bounds it); the
    same rule `problems` explains when a date is refused."""
    if timeline_end is None or conversation:
        return timeline_end
    return now + FINAL_SESSION_GRACE if now >= timeline_end else timeline_end


# The shortest numbers one can dial between colleagues are internal extensions; a real
# phone number, local or international, has at least this many digits.
PHONE_DIGITS = 6


def problems(plan: MeetingPlan, now: datetime, timeline_end: datetime | None,
             others: list[tuple[datetime, datetime]], *, conversation: bool = False
             ) -> dict[str, str]:
    """Field → what to fix; empty when the meeting can be scheduled. A `conversation`'s
    timeline is the month after the yes, and its one session lasts at most an hour."""
    found: dict[str, str] = {}
    if plan.starts_at <= now:
        found["date"] = "Pick a time in the future."
    elif timeline_end is not None and plan.starts_at >= timeline_end and conversation:
        found["date"] = ("A mentoring conversation happens within a month of the yes: pick a "
                         f"day before {timeline_end:%-d %b}.")
    elif timeline_end is not None and now >= timeline_end \
            and plan.starts_at >= now + FINAL_SESSION_GRACE:
        found["date"] = ("Your agreed timeline has ended: book the final session within "
                         "three weeks, or agree together to continue first.")
    elif timeline_end is not None and timeline_end > now and plan.starts_at >= timeline_end:
        found["date"] = "That's after your agreed timeline ends; plan within it, or agree " \
                        "together to continue first."
    if conversation and plan.minutes > CONVERSATION_LONGEST:
        found["minutes"] = ("A mentoring conversation lasts at most an hour: choose 30, 45 "
                            "or 60 minutes.")
    for start, end in others:
        if plan.starts_at < end and start < plan.ends_at:
            found["time"] = "That overlaps another meeting the two of you have."
            break
    if plan.meeting_format is MeetingFormat.VIDEO:
        problem = link_problem(plan.link) if plan.link else "Add the video link."
        if problem:
            found["link"] = problem
    elif plan.meeting_format is MeetingFormat.IN_PERSON and len(plan.place.strip()) < 3:
        found["place"] = "Say where you'll meet, e.g. the café and its address."
    elif plan.meeting_format is MeetingFormat.PHONE and not _has_phone_number(plan.place):
        found["place"] = ("Give the number to call, and who calls whom, e.g. “I'll call you "
                          "on +44 20 7946 0000”.")
    return found


def _has_phone_number(details: str) -> bool:
    """Enough digits to dial: a number, however it is written (+, spaces, dashes)."""
    return sum(ch.isdigit() for ch in details) >= PHONE_DIGITS


@dataclass(frozen=True)
class Clock:
    """Someone's day as mentorbot knows it: their zone and the hours they keep quiet."""

    tz: str
    quiet: QuietHours

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.tz)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")


class TheirHour(StrEnum):
    """What a start time is for the other person, in their own zone."""

    FINE = "fine"
    QUIET = "quiet"  # inside the hours they keep quiet
    NIGHT = "night"


NIGHT = (time(22, 0), time(7, 0))


def their_hour(starts_at: datetime, tz: ZoneInfo, quiet: QuietHours) -> TheirHour:
    clock = starts_at.astimezone(tz).time()
    if clock >= NIGHT[0] or clock < NIGHT[1]:
        return TheirHour.NIGHT
    return TheirHour.QUIET if quiet.is_quiet(starts_at, tz) else TheirHour.FINE


# Her own waking day, for a first suggestion that suits her too.
HER_DAY = (time(8, 0), time(20, 0))
SEARCHED = timedelta(days=3)


def kind_start(earliest: datetime, mentee: Clock, mentor: Clock) -> datetime:
    """The first full hour from `earliest` inside her day and fine for him (awake, not in
    his quiet hours), within three days; `earliest` itself when none is."""
    start = earliest.replace(minute=0, second=0, microsecond=0)
    if start < earliest:
        start += timedelta(hours=1)
    hers, his = mentee.zone, mentor.zone
    for hour in range(int(SEARCHED / timedelta(hours=1))):
        candidate = start + timedelta(hours=hour)
        if HER_DAY[0] <= candidate.astimezone(hers).time() < HER_DAY[1] \
                and not mentee.quiet.is_quiet(candidate, hers) \
                and their_hour(candidate, his, mentor.quiet) is TheirHour.FINE:
            return candidate
    return start

"""Meeting logistics rules (issue 5's first slice): time, timeline, overlap, links, places."""

from datetime import UTC, datetime, time, timedelta

import pytest

from bot.domain.invitation import MeetingFormat
from bot.domain.meetings import (
    Clock,
    MeetingPlan,
    TheirHour,
    kind_start,
    link_problem,
    problems,
    their_hour,
)
from bot.domain.quiet_hours import QuietHours

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
END = NOW + timedelta(days=180)


def plan(offset=timedelta(days=2), minutes=45, fmt=MeetingFormat.VIDEO,
         link="https://zoom.us/j/1234567890", place=""):
    return MeetingPlan(NOW + offset, minutes, fmt, link, place)


@pytest.mark.parametrize(("link", "ok"), [
    ("https://zoom.us/j/1234567890", True),
    ("https://acme.zoom.us/j/1234567890?pwd=x", True),
    ("https://zoom.us/profile/setting", False),
    ("http://zoom.us/j/1234567890", False),
    ("https://meet.google.com/abc-defg-hij", True),
    ("https://meet.google.com/new", False),
    ("https://teams.microsoft.com/l/meetup-join/19%3ameeting", True),
    ("https://teams.microsoft.com/_#/calendarv2", False),
    ("https://acme.webex.com/meet/ana", True),
    ("https://whereby.com/ana-ben", True),  # an unknown provider: any https link
    ("zoom.us/j/123", False),
    ("https://localhost/x", False),
])
def test_links_must_be_https_and_shaped_like_their_provider(link, ok):
    assert (link_problem(link) is None) is ok


def test_a_good_meeting_has_no_problems():
    assert problems(plan(), NOW, END, []) == {}


def test_past_outside_the_timeline_and_overlapping_times_are_refused():
    assert "future" in problems(plan(offset=-timedelta(minutes=1)), NOW, END, [])["date"]
    assert "timeline" in problems(plan(offset=timedelta(days=200)), NOW, END, [])["date"]
    other = (NOW + timedelta(days=2, minutes=30), NOW + timedelta(days=2, minutes=90))
    assert "overlaps" in problems(plan(), NOW, END, [other])["time"]
    back_to_back = (NOW + timedelta(days=2, minutes=45), NOW + timedelta(days=2, minutes=90))
    assert problems(plan(), NOW, END, [back_to_back]) == {}


def test_video_needs_a_link_in_person_a_place_and_a_phone_call_a_number():
    assert "Add the video link" in problems(plan(link=""), NOW, END, [])["link"]
    assert "where" in problems(plan(fmt=MeetingFormat.IN_PERSON, link=""), NOW, END,
                               [])["place"]
    for nothing_to_dial in ("", "I'll call you", "call me on my mobile", "ext 12"):
        refused = problems(plan(fmt=MeetingFormat.PHONE, link="", place=nothing_to_dial),
                           NOW, END, [])
        assert "number to call" in refused["place"], nothing_to_dial
    for number in ("+44 20 7946 0000", "I'll call you on 030-1234567", "(415) 555-0134"):
        assert problems(plan(fmt=MeetingFormat.PHONE, link="", place=number), NOW, END,
                        []) == {}


BERLIN_DAY = Clock("Europe/Berlin", QuietHours(time(21, 0), time(8, 0)))
LA_DAY = Clock("America/Los_Angeles", QuietHours(time(21, 0), time(8, 0)))


def test_what_a_start_is_for_the_other_person():
    evening_berlin = datetime(2027, 3, 10, 17, 0, tzinfo=UTC)  # 18:00 Berlin, 09:00 LA
    assert their_hour(evening_berlin, LA_DAY.zone, LA_DAY.quiet) is TheirHour.FINE
    morning_berlin = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)  # 01:00 in Los Angeles
    assert their_hour(morning_berlin, LA_DAY.zone, LA_DAY.quiet) is TheirHour.NIGHT
    early = datetime(2027, 3, 10, 15, 30, tzinfo=UTC)  # 07:30: awake, but quiet for him
    assert their_hour(early, LA_DAY.zone, LA_DAY.quiet) is TheirHour.QUIET


def test_the_first_suggestion_is_an_hour_that_suits_them_both():
    nine_berlin = datetime(2027, 3, 8, 8, 0, tzinfo=UTC)  # midnight in Los Angeles
    start = kind_start(nine_berlin, BERLIN_DAY, LA_DAY)
    assert start >= nine_berlin
    assert their_hour(start, LA_DAY.zone, LA_DAY.quiet) is TheirHour.FINE
    assert time(8, 0) <= start.astimezone(BERLIN_DAY.zone).time() < time(20, 0)
    assert start == datetime(2027, 3, 8, 16, 0, tzinfo=UTC)  # 17:00 Berlin, 08:00 LA
    # With no hour that suits both within three days, the first full hour is offered.
    never = Clock("Pacific/Kiritimati", QuietHours(time(0, 0), time(23, 59)))
    assert kind_start(nine_berlin, BERLIN_DAY, never) == nine_berlin

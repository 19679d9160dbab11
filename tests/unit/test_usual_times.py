"""The mentor's usual times: read as he types them, refused when they can't be right, and
the free slots inside them."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.usual_times import Window, WindowsRefused, describe, free_slots, parse

LA = ZoneInfo("America/Los_Angeles")
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(("typed", "said"), [
    ("Tue and Thu 16:00–18:00", "Tue and Thu 16:00–18:00"),
    ("tuesday, thursday 4pm-6pm", "Tue and Thu 16:00–18:00"),
    ("Mon-Wed 9:30 to 11", "Mon, Tue and Wed 09:30–11:00"),
    ("weekdays 8-9", "Mon, Tue, Wed, Thu and Fri 08:00–09:00"),
    ("Wed 9:00-10:30\nFri 14h00-15h00", "Wed 09:00–10:30; Fri 14:00–15:00"),
    ("Wed 09:00-10:30; Wed 14:00-15:00", "Wed 09:00–10:30; Wed 14:00–15:00"),
    ("Fri from 12 until 1pm", "Fri 12:00–13:00"),
    ("", ""),
    ("  \n ", ""),
])
def test_windows_read_as_he_would_say_them(typed: str, said: str) -> None:
    assert describe(parse(typed)) == said


def test_a_repeated_window_is_one() -> None:
    assert parse("Tue 9-10; tue 09:00-10:00") == (Window(1, time(9), time(10)),)


@pytest.mark.parametrize(("typed", "says"), [
    ("Tue 18:00-16:00", "the end comes before the start"),
    ("Tue 16:00-16:00", "is empty"),
    ("16:00-18:00", "names no day"),
    ("Tuesdays after lunch", "I can't read"),
    ("Tue and Thu 16-18; Thu 17:00-19:00", "overlap"),
    ("Someday 10-11", "is not a day"),
    ("Tue 25:00-26:00", "is not a time of day"),
    ("Tue 13pm-14pm", "is not a time of day"),
])
def test_windows_that_cant_be_right_are_refused_with_what_to_fix(typed: str, says: str
                                                                 ) -> None:
    with pytest.raises(WindowsRefused, match=says):
        parse(typed)


def test_slots_are_the_first_free_start_of_each_window_in_his_zone() -> None:
    windows = parse("Tue and Thu 16:00-18:00")
    now = datetime(2027, 3, 1, 12, tzinfo=UTC)  # a Monday
    slots = free_slots(windows, LA, 45, now + timedelta(hours=24), [])
    assert [f"{s.astimezone(LA):%a %d %H:%M}" for s in slots] == [
        "Tue 02 16:00", "Thu 04 16:00", "Tue 09 16:00", "Thu 11 16:00"]


def test_slots_skip_what_is_taken_and_what_comes_too_soon() -> None:
    windows = parse("Tue 16:00-18:00")
    tuesday = datetime(2027, 3, 2, 16, tzinfo=LA)
    taken = [(tuesday, tuesday + timedelta(minutes=60))]
    slots = free_slots(windows, LA, 45, tuesday - timedelta(hours=30), taken, wanted=2)
    # 16:00 is taken until 17:00; 17:00 + 45 min still ends inside the window.
    assert slots == [tuesday + timedelta(hours=1), tuesday + timedelta(days=7)]
    assert all(slot.tzinfo is UTC for slot in slots)
    soon = free_slots(windows, LA, 45, tuesday + timedelta(minutes=1), [], wanted=1)
    assert soon == [tuesday + timedelta(minutes=30)]


def test_a_meeting_too_long_for_the_window_gets_no_slot_there() -> None:
    assert free_slots(parse("Tue 16:00-16:30"), LA, 45,
                      datetime(2027, 3, 1, tzinfo=UTC), []) == []


def test_slots_stop_before_the_last_bookable_day_and_respect_her_day() -> None:
    windows = parse("Tue 08:00-10:00")
    start = datetime(2027, 3, 1, tzinfo=UTC)
    before = datetime(2027, 3, 10, tzinfo=UTC)
    assert len(free_slots(windows, LA, 30, start, [], before=before)) == 2
    # 08:00–10:00 in Los Angeles is the late afternoon in Berlin: none suits a morning.
    awake = lambda slot: 8 <= slot.astimezone(BERLIN).hour < 12  # noqa: E731
    assert free_slots(windows, LA, 30, start, [], suits=awake) == []


def test_wall_clock_windows_follow_daylight_saving() -> None:
    # The US moves its clocks on 14 March 2027: 16:00 stays 16:00 for him.
    slots = free_slots(parse("Tue 16:00-17:00"), LA, 30,
                       datetime(2027, 3, 8, tzinfo=UTC), [], wanted=2)
    assert [f"{s.astimezone(LA):%H:%M}" for s in slots] == ["16:00", "16:00"]
    assert slots[1] - slots[0] == timedelta(days=7, hours=-1)  # both in UTC


@pytest.mark.parametrize("typed", ["Mon-Wed 9:30 to 11; Fri 14-15", "weekdays 8-9",
                                   "Sat and Sun 10:00-12:00\nTue 7am-8am"])
def test_what_is_kept_reads_back_as_the_same_windows(typed: str) -> None:
    windows = parse(typed)
    assert parse(describe(windows)) == windows

"""Offers to mentor: what makes one valid, and how `/mentor find` orders those with room."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.invitation import MeetingFormat
from bot.domain.offers import (
    SHOWN,
    Candidate,
    Offer,
    problems,
    rank,
    shared_hours,
    topic_match,
    words_of,
)

VIDEO = (MeetingFormat.VIDEO,)
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def offer(topics: str = "", tags: tuple[str, ...] = (), capacity: int = 2, **more) -> Offer:
    return Offer(topics, tags, capacity, more.pop("formats", VIDEO), **more)


@pytest.mark.parametrize(("made", "now", "fields"), [
    (offer("Leading a team"), 0, set()),
    (offer(tags=("leadership",)), 0, set()),
    (offer("   "), 0, {"topics"}),
    (offer("Data", capacity=1), 2, {"capacity"}),
    (offer("Data", capacity=4), 0, {"capacity"}),
    (offer("Data", capacity=0), 0, {"capacity"}),
    (offer("Data", formats=()), 0, {"formats"}),
])
def test_an_offer_needs_a_topic_a_way_to_meet_and_room_for_whom_they_mentor_now(made, now,
                                                                                fields):
    assert set(problems(made, now, workspace_limit=3)) == fields


def test_words_match_whole_or_as_the_start_of_a_longer_word():
    listed = offer("Growing into engineering management", tags=("leadership",),
                   note="Happy to talk about UI builds")
    assert topic_match(words_of("manage"), listed) == 1
    assert topic_match(words_of("Leadership ENGINEERING"), listed) == 2
    assert topic_match(words_of("ui"), listed) == 1
    assert topic_match(words_of("bu"), listed) == 0  # too short to be a prefix
    assert topic_match(words_of("sales"), listed) == 0


@pytest.mark.parametrize(("a", "b", "hours"), [
    ("Europe/Berlin", "Europe/Paris", 8.0),
    ("Europe/London", "Europe/Berlin", 7.0),
    ("Europe/Berlin", "America/New_York", 2.0),
    ("Europe/Berlin", "America/Los_Angeles", 0.0),
    ("Asia/Tokyo", "Australia/Sydney", 6.0),
])
def test_shared_hours_of_two_nine_to_five_days(a, b, hours):
    assert shared_hours(a, b, NOW) == hours


def test_rank_puts_topic_first_then_shared_hours_and_leaves_out_the_full_and_paused():
    def candidate(user, topics, tz, now=0, **more):
        return Candidate(user, offer(topics, **more), tz, now)

    listed = [
        candidate("UFAR", "engineering leadership", "America/Los_Angeles"),
        candidate("UNEAR", "engineering leadership", "Europe/Paris"),
        candidate("UOFFTOPIC", "product design", "Europe/Berlin"),
        candidate("UFULL", "engineering leadership", "Europe/Berlin", now=2),
        candidate("UPAUSED", "engineering leadership", "Europe/Berlin", paused=True),
    ]
    found = rank(listed, "leadership", "Europe/Berlin", NOW)
    assert [c.user_id for c in found] == ["UNEAR", "UFAR", "UOFFTOPIC"]
    # No words: working hours alone.
    assert [c.user_id for c in rank(listed, "", "Europe/Berlin", NOW)] == \
        ["UNEAR", "UOFFTOPIC", "UFAR"]
    many = [candidate(f"U{n:03}", "data", "UTC") for n in range(SHOWN + 5)]
    assert len(rank(many, "data", "UTC", NOW)) == SHOWN

"""No pair left in limbo: the rhythm asks, the "what next?", the lapse, and a
conversation's end, planned from facts alone."""

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.nudges import Facts, Kind, MeetingFacts, Timing, plan
from bot.domain.relationship import State
from bot.domain.timeline import elapsed, timeline_end

START = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def active(cadence_days=30, months=3, **more) -> Facts:
    return Facts(relationship_id=1, state=State.ACTIVE, mentee_id="U1", mentor_id="U2",
                 reply_by_at=None, active_at=START, cadence_days=cadence_days,
                 timeline_end=timeline_end(START, months), **more)


def rhythm(facts: Facts) -> list[tuple[str, str, int]]:
    """(kind, subject, day after the start) of each rhythm-family nudge, in time order."""
    names = {"keep_rhythm", "final_session", "decide", "decide_reminder", "lapse",
             "book_conversation", "close_conversation"}
    return sorted(((p.kind.name, str(p.subject), (p.due_at - START).days)
                   for p in plan(facts, Timing()) if p.kind.name in names),
                  key=lambda row: row[2])


def test_never_booked_she_is_asked_at_one_and_two_cadences_then_to_decide():
    assert rhythm(active()) == [
        ("keep_rhythm", "rhythm:0", 30),
        ("keep_rhythm", "rhythm:0:2", 60),
        ("final_session", "timeline:2027-04-05", 77),
        ("decide", "decide:0:2027-04-05", 90),
    ]


def test_once_asked_to_decide_a_reminder_comes_a_week_later_and_the_lapse_a_week_after():
    asked_at = START + 90 * DAY + timedelta(hours=3)
    asked = (("decide:0:2027-04-05", asked_at),)
    planned = {p.kind: p.due_at for p in plan(active(decisions_asked=asked), Timing())}
    assert planned[Kind.DECIDE_REMINDER] == asked_at + 7 * DAY
    assert planned[Kind.LAPSE] == asked_at + 14 * DAY


def test_no_two_rhythm_asks_fall_within_a_week_whatever_the_cadence():
    for cadence in (7, 14, 30):
        for months in (1, 2, 3, 6, 12):
            days = [day for kind, _, day in rhythm(active(cadence, months))]
            assert all(b - a >= 7 for a, b in itertools.pairwise(days)), (
                cadence, months, days)


def test_a_booking_starts_a_new_gap_and_the_old_asks_give_way():
    booked = MeetingFacts(7, START + 40 * DAY, False, START + 40 * DAY + timedelta(minutes=30))
    asks = rhythm(active(months=6, meetings=(booked,)))
    assert asks[:3] == [("keep_rhythm", "rhythm:7", 70), ("keep_rhythm", "rhythm:7:2", 100),
                        ("decide", "decide:7:2027-07-06", 130)]
    assert not any(subject.startswith(("rhythm:0", "decide:0")) for _, subject, _ in asks)


def test_the_end_of_the_timeline_asks_to_decide_even_after_regular_meetings():
    met = tuple(MeetingFacts(i, START + (30 * i - 5) * DAY, True,
                             START + (30 * i - 5) * DAY + timedelta(minutes=30),
                             logged=True, thanked=True, upcoming=False) for i in (1, 2, 3))
    asks = rhythm(active(meetings=met))
    assert ("decide", "decide:3:2027-04-05", 91) in asks


def test_a_proposal_to_continue_is_her_answer_and_what_next_comes_two_weeks_after_it():
    proposed = START + 92 * DAY
    asked = (("decide:0:2027-04-05", START + 90 * DAY),)
    # Waiting on the mentor, or answered no: either way, asked afresh two weeks on, and the
    # lapse counts from that new ask, never from the one she answered.
    for pending in (True, False):
        facts = active(continuation_proposed_at=proposed, continuation_pending=pending,
                       decisions_asked=asked)
        planned = {p.kind: p for p in plan(facts, Timing())}
        assert planned[Kind.DECIDE].subject == "decide:0:2027-04-05:c2027-04-06"
        assert planned[Kind.DECIDE].due_at == proposed + 14 * DAY
        assert Kind.LAPSE not in planned and Kind.DECIDE_REMINDER not in planned


def conversation(**more) -> Facts:
    return active(months=1, conversation=True, **more)


def test_a_conversation_never_booked_is_reminded_twice_then_lapses_a_week_after_its_month():
    assert rhythm(conversation()) == [
        ("book_conversation", "book_by:2027-02-03:1", 7),
        ("book_conversation", "book_by:2027-02-03:2", 23),
        ("lapse", "book_by:2027-02-03", 37),
    ]


def test_a_conversation_held_and_never_logged_completes_two_weeks_after_it():
    held = MeetingFacts(5, START + 10 * DAY, True, START + 10 * DAY + timedelta(minutes=45),
                        upcoming=True)
    planned = {p.kind: p for p in plan(conversation(meetings=(held,)), Timing())}
    assert planned[Kind.CLOSE_CONVERSATION].due_at == held.ends_at + 14 * DAY
    assert Kind.LAPSE not in planned and Kind.BOOK_CONVERSATION not in planned
    missed = MeetingFacts(5, START + 10 * DAY, True, START + 10 * DAY, logged=True,
                          upcoming=False, missed=True)
    again = {p.kind for p in plan(conversation(meetings=(missed,)), Timing())}
    assert Kind.CLOSE_CONVERSATION not in again and Kind.LAPSE in again


@pytest.mark.parametrize(("days", "said"), [
    (1, "a day"), (3, "3 days"), (8, "a week"), (21, "3 weeks"), (31, "a month"), (42, "6 weeks"),
    (61, "2 months"), (92, "3 months"), (365, "12 months")])
def test_elapsed_time_reads_as_a_person_would_say_it(days, said):
    assert elapsed(START, START + days * DAY) == said

"""The mentee's to-dos and each relationship's health figures, from plain facts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.health import Health, MeetingRecord, health, is_stalled, share
from bot.domain.nudges import DEFAULT_TIMING, Facts, MeetingFacts
from bot.domain.relationship import State
from bot.domain.todos import Todo, todos

NOW = datetime(2027, 3, 10, 12, 0, tzinfo=UTC)
ACTIVE_AT = NOW - timedelta(days=30)


def facts(*meetings: MeetingFacts, state: State = State.ACTIVE, **extra) -> Facts:
    return Facts(1, state, "UMENTEE", "UMENTOR", None, agreed_at=ACTIVE_AT, meetings=meetings,
                 active_at=ACTIVE_AT, **extra)


def meeting(n: int, starts: datetime, **extra) -> MeetingFacts:
    return MeetingFacts(n, starts, extra.pop("agenda_sent", False),
                        starts + timedelta(minutes=45), **extra)


def test_agreed_without_terms_owes_the_agreement():
    [item] = todos(facts(state=State.AGREED), NOW, DEFAULT_TIMING)
    assert item.todo is Todo.SEND_AGREEMENT
    assert item.due_at == ACTIVE_AT + DEFAULT_TIMING.agreement_due
    assert todos(facts(state=State.AGREED, agreement_sent=True), NOW, DEFAULT_TIMING) == []


def test_a_meeting_ahead_owes_topics_and_logistics_and_nothing_to_schedule():
    starts = NOW + timedelta(days=5)
    items = todos(facts(meeting(7, starts)), NOW, DEFAULT_TIMING)
    assert [(i.todo, i.meeting_id, i.due_at) for i in items] == [
        (Todo.SEND_AGENDA, 7, starts - timedelta(days=2)),
        (Todo.CONFIRM_LOGISTICS, 7, starts - timedelta(hours=24))]
    done = meeting(7, starts, agenda_sent=True, logistics_confirmed=True)
    assert todos(facts(done), NOW, DEFAULT_TIMING) == []


def test_a_meeting_over_owes_the_log_and_thanks_then_the_next_booking():
    starts = NOW - timedelta(days=2)
    items = todos(facts(meeting(3, starts, agenda_sent=True)), NOW, DEFAULT_TIMING)
    assert [i.todo for i in items] == [Todo.LOG_AND_THANK, Todo.SCHEDULE_NEXT]
    assert items[1].due_at == starts + timedelta(days=14)
    thanked = meeting(3, starts, logged=True, thanked=True, upcoming=False)
    assert [i.todo for i in todos(facts(thanked), NOW, DEFAULT_TIMING)] == [Todo.SCHEDULE_NEXT]


def test_closed_relationships_owe_nothing():
    for state in (State.COMPLETED, State.CANCELLED, State.INVITED):
        assert todos(facts(state=state), NOW, DEFAULT_TIMING) == []


def test_health_counts_what_came_due_and_never_what_was_cancelled():
    day = timedelta(days=1)
    records = [
        MeetingRecord(NOW - 20 * day, "held", NOW - 23 * day, NOW - 20 * day),  # on time
        MeetingRecord(NOW - 10 * day, "held", NOW - 10 * day - timedelta(hours=2)),  # late
        MeetingRecord(NOW - 5 * day, "missed"),
        MeetingRecord(NOW - 3 * day, "cancelled", NOW - 9 * day),
        MeetingRecord(NOW + 3 * day, "scheduled", NOW - day),  # not due yet
    ]
    assert health(records, NOW, 1, 2) == Health(planned=3, held=2, agendas_on_time=1,
                                                 thanks_sent=1, late_by_mentee=1,
                                                 late_by_mentor=2)
    assert health(records, NOW) + health(records, NOW) == Health(6, 4, 2, 2, 0, 0)
    assert share(1, 3) == 1 / 3 and share(0, 0) is None


def test_stalled_means_nothing_for_twice_the_cadence_and_nothing_booked():
    old = [MeetingRecord(NOW - timedelta(days=27), "held")]
    assert not is_stalled(old, NOW, ACTIVE_AT, 14)
    assert is_stalled(old, NOW + timedelta(days=2), ACTIVE_AT, 14)
    booked = [*old, MeetingRecord(NOW + timedelta(days=2), "scheduled")]
    assert not is_stalled(booked, NOW + timedelta(days=1, hours=12), ACTIVE_AT, 14)
    assert is_stalled([], NOW, ACTIVE_AT, 14)  # a month active, never met


def test_on_time_means_the_agreed_lead_time_and_held_is_judged_against_the_cadence():
    from bot.domain.health import Agreed

    day = timedelta(days=1)
    started = NOW - 45 * day
    # Sent 30 hours ahead: on time for a one-day lead, late for the default two days
    # (and an agenda sent only on the last call, a day ahead, is late either way).
    records = [MeetingRecord(NOW - 10 * day, "held", NOW - 10 * day - timedelta(hours=30)),
               MeetingRecord(NOW - 2 * day, "held", NOW - 2 * day - timedelta(hours=20))]
    biweekly = Agreed(active_at=started, cadence_days=14)
    assert health(records, NOW, agreed=biweekly).agendas_on_time == 0
    assert health(records, NOW, agreed=Agreed(day, started, 14)).agendas_on_time == 1
    # 45 days of a fortnightly rhythm ask for three meetings; two were held.
    assert health(records, NOW, agreed=biweekly).expected == 3
    # Nothing booked at all still shows what was expected.
    assert health([], NOW, agreed=biweekly).expected == 3
    # The timeline's end caps it; before the start, nothing is expected.
    assert Agreed(active_at=started, cadence_days=7, ends_at=started + 15 * day
                  ).meetings_expected_by(NOW) == 2
    assert Agreed(active_at=NOW + day).meetings_expected_by(NOW) == 0

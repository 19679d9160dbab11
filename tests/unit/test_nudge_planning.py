"""Planning: facts and a clock in, the nudges that should exist out."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.nudges import INVITATION, Facts, Kind, Timing, plan, still_applies
from bot.domain.relationship import State

REPLY_BY = datetime(2026, 12, 2, 22, 59, tzinfo=UTC)


def facts(state: State, reply_by=REPLY_BY) -> Facts:
    return Facts(relationship_id=1, state=state, mentee_id="U1", mentor_id="U2",
                 reply_by_at=reply_by)


def test_an_open_invitation_plans_a_check_at_reply_by_and_an_expiry_after_grace():
    planned = plan(facts(State.INVITED), Timing(invitation_grace=timedelta(days=3)))
    assert [(p.kind, p.subject, p.recipient_id, p.due_at) for p in planned] == [
        (Kind.REPLY_BY_CHECK, INVITATION, "U1", REPLY_BY),
        (Kind.INVITATION_EXPIRY, INVITATION, "U1", REPLY_BY + timedelta(days=3)),
    ]


@pytest.mark.parametrize("state", [s for s in State if s is not State.INVITED])
def test_nothing_about_the_invitation_is_planned_once_it_is_answered(state):
    assert plan(facts(state), Timing()) == []


def test_planning_is_deterministic_so_replanning_changes_nothing():
    assert plan(facts(State.INVITED), Timing()) == plan(facts(State.INVITED), Timing())


@pytest.mark.parametrize(("kind", "state", "applies"), [
    (Kind.REPLY_BY_CHECK, State.INVITED, True),
    (Kind.REPLY_BY_CHECK, State.AGREED, False),
    (Kind.REPLY_BY_CHECK, State.WITHDRAWN, False),
    (Kind.INVITATION_EXPIRY, State.INVITED, True),
    # Expired but not yet told: a crash came between the two, so tell now.
    (Kind.INVITATION_EXPIRY, State.EXPIRED, True),
    (Kind.INVITATION_EXPIRY, State.DECLINED, False),
])
def test_at_send_time_a_nudge_is_checked_against_the_current_state(kind, state, applies):
    assert still_applies(kind, state) is applies


def test_agreement_nudges_follow_the_agreed_and_sent_times():
    agreed_at = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    timing = Timing(agreement_due=timedelta(days=2), agreement_reply=timedelta(days=3))
    base = Facts(1, State.AGREED, "U1", "U2", REPLY_BY, agreed_at)
    never_in_force = [(Kind.AGREEMENT_LAST_CALL, "agreement:deadline",
                       agreed_at + timedelta(days=14)),
                      (Kind.LAPSE, "agreement:deadline", agreed_at + timedelta(days=21))]
    planned = [(p.kind, p.subject, p.due_at) for p in plan(base, timing)]
    assert planned == [(Kind.AGREEMENT_NOT_SENT, "agreement", agreed_at + timedelta(days=2)),
                       *never_in_force]
    sent_at = agreed_at + timedelta(days=1)
    waiting = Facts(1, State.AGREED, "U1", "U2", REPLY_BY, agreed_at, agreement_sent=True,
                    awaiting_mentor=(2, sent_at))
    planned = [(p.kind, p.subject, p.due_at) for p in plan(waiting, timing)]
    assert planned == [(Kind.AGREEMENT_UNCONFIRMED, "agreement:v2",
                        sent_at + timedelta(days=3)), *never_in_force]
    # The mentor's own edit waits on the mentee, who needs no reminder to answer it: only
    # the deadline stands.
    answered = Facts(1, State.AGREED, "U1", "U2", REPLY_BY, agreed_at, agreement_sent=True)
    assert [(p.kind, p.subject, p.due_at) for p in plan(answered, timing)] == never_in_force


def test_a_yes_never_followed_by_an_agreement_lapses_and_is_told_after_a_crash():
    agreed_at = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    lapsed = Facts(1, State.LAPSED, "U1", "U2", REPLY_BY, agreed_at,
                   lapsed_at=agreed_at + timedelta(days=21))
    kinds = {p.kind for p in plan(lapsed, Timing())}
    assert Kind.LAPSE in kinds and Kind.LAPSED_MENTOR in kinds
    assert Kind.AGREEMENT_LAST_CALL not in kinds


def test_an_active_relationship_keeps_its_rhythm_and_sees_its_end_coming():
    from bot.domain.nudges import MeetingFacts

    active_at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    end = active_at + timedelta(days=183)
    base = dict(relationship_id=1, state=State.ACTIVE, mentee_id="U1", mentor_id="U2",
                reply_by_at=None, active_at=active_at, cadence_days=14, timeline_end=end)
    kinds = {(p.kind, p.subject): p for p in plan(Facts(**base), Timing())}
    assert kinds[Kind.KEEP_RHYTHM, "rhythm:0"].due_at == active_at + timedelta(days=14)
    assert kinds[Kind.FINAL_SESSION, "timeline:2027-06-02"].due_at == end - timedelta(days=14)
    held = MeetingFacts(7, active_at + timedelta(days=5), True, active_at + timedelta(days=5),
                        logged=True, thanked=True, upcoming=False)
    after_one = {(p.kind, p.subject): p for p in plan(Facts(**base, meetings=(held,)), Timing())}
    assert after_one[Kind.KEEP_RHYTHM, "rhythm:7"].due_at == held.starts_at + timedelta(days=14)
    upcoming = MeetingFacts(8, active_at + timedelta(days=20), False)
    planned = {(p.kind, p.subject): p.due_at
               for p in plan(Facts(**base, meetings=(held, upcoming)), Timing())}
    # The next one is already booked: the rhythm counts from it.
    assert (Kind.KEEP_RHYTHM, "rhythm:7") not in planned
    assert planned[Kind.KEEP_RHYTHM, "rhythm:8"] == upcoming.starts_at + timedelta(days=14)


def _active(active_at: datetime, cadence_days: int, timeline_end: datetime) -> Facts:
    return Facts(relationship_id=1, state=State.ACTIVE, mentee_id="U1", mentor_id="U2",
                 reply_by_at=None, active_at=active_at, cadence_days=cadence_days,
                 timeline_end=timeline_end)


def test_the_rhythm_nudge_gives_way_to_the_final_session_nudge_due_at_the_same_time():
    start = datetime(2027, 1, 1, 9, tzinfo=UTC)
    # A monthly pair with one month to go: both would come due two weeks before the end.
    ends = start + timedelta(days=30 + 14)
    kinds = [p.kind for p in plan(_active(start, 30, ends), Timing())]
    assert kinds == [Kind.FINAL_SESSION, Kind.DECIDE]
    # Far from the end, the rhythm nudge still comes first, on its own.
    far = [p.kind for p in plan(_active(start, 30, start + timedelta(days=180)), Timing())]
    assert far == [Kind.KEEP_RHYTHM, Kind.KEEP_RHYTHM, Kind.FINAL_SESSION, Kind.DECIDE]


def test_cadence_phrases_read_as_english():
    from bot.domain.invitation import Cadence

    assert [c.interval for c in Cadence] == ["a week", "two weeks", "a month"]


def test_the_agendas_last_call_is_said_by_the_logistics_check_when_they_coincide():
    from bot.domain.nudges import MeetingFacts

    starts = datetime(2027, 1, 20, 17, 0, tzinfo=UTC)
    facts = Facts(1, State.ACTIVE, "U1", "U2", None, active_at=starts - timedelta(days=9),
                  meetings=(MeetingFacts(7, starts, agenda_sent=False),))
    same_time = {p.kind for p in plan(facts, Timing())}
    assert Kind.LOGISTICS_CHECK in same_time and Kind.AGENDA_LAST_CALL not in same_time
    # Two days of notice for the checklist: the day-before last call is a message of its own.
    apart = {p.kind for p in plan(facts, Timing(logistics_lead=timedelta(hours=48)))}
    assert {Kind.LOGISTICS_CHECK, Kind.AGENDA_LAST_CALL} <= apart

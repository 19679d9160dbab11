"""Each person's own reminder settings, and what the planner makes of them."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from bot.domain.nudges import DEFAULT_TIMING, Facts, Kind, MeetingFacts, Timing, plan
from bot.domain.preferences import Preferences
from bot.domain.quiet_hours import QuietHours
from bot.domain.relationship import State

WORKSPACE = QuietHours(time(21, 0), time(8, 0), False)
STARTS = datetime(2027, 3, 10, 17, 0, tzinfo=UTC)


def test_unset_settings_are_the_workspaces_and_set_ones_win():
    assert Preferences().quiet_hours(WORKSPACE) == WORKSPACE
    mine = Preferences(quiet_start=time(19, 0), quiet_weekends=True)
    assert mine.quiet_hours(WORKSPACE) == QuietHours(time(19, 0), time(8, 0), True)
    assert Preferences().wants_day_before and not Preferences(day_before=False).wants_day_before
    assert Preferences().wants_starting_soon_as_mentor(False) is False
    assert Preferences(mentor_starting_soon=True).wants_starting_soon_as_mentor(False) is True


def test_each_role_keeps_its_own_starting_soon_default():
    # A mentee is on unless she says off; a mentor follows the workspace unless he chose.
    assert Preferences().wants_starting_soon_as_mentee
    assert Preferences(mentor_starting_soon=False).wants_starting_soon_as_mentee
    assert not Preferences(mentee_starting_soon=False).wants_starting_soon_as_mentee
    assert not Preferences(mentee_starting_soon=True).wants_starting_soon_as_mentor(False)


DEFAULTS = Preferences()


def kinds(mentee=DEFAULTS, mentor=DEFAULTS, timing=DEFAULT_TIMING) -> set:
    meeting = MeetingFacts(7, STARTS, agenda_sent=True)
    facts = Facts(1, State.ACTIVE, "U1", "U2", None, active_at=STARTS - timedelta(days=5),
                  meetings=(meeting,), mentee_prefs=mentee, mentor_prefs=mentor)
    return {p.kind for p in plan(facts, timing)}


def test_the_mentor_chooses_his_courtesy_reminders():
    assert Kind.MENTOR_BRIEFING in kinds() and Kind.STARTING_SOON_MENTOR not in kinds()
    assert Kind.MENTOR_BRIEFING not in kinds(mentor=Preferences(day_before=False))
    assert Kind.STARTING_SOON_MENTOR in kinds(mentor=Preferences(mentor_starting_soon=True))
    # The workspace may turn it on for every mentor; his own choice still wins.
    everyone = Timing(starting_soon_for_mentor=True)
    assert Kind.STARTING_SOON_MENTOR in kinds(timing=everyone)
    assert Kind.STARTING_SOON_MENTOR not in kinds(mentor=Preferences(mentor_starting_soon=False),
                                                  timing=everyone)


def test_the_mentee_may_drop_the_starting_soon_link_but_never_her_duty_nudges():
    quiet = Preferences(day_before=False, mentee_starting_soon=False)
    planned = kinds(mentee=quiet)
    assert Kind.STARTING_SOON_MENTEE not in planned
    assert Kind.LOGISTICS_CHECK in planned  # her day-before checklist is her duty

"""The services the e2e tests reached alone, each on a real database: offers and finding a
mentor, a person's overview, the programme report, the profile directory, reminder
settings, readiness answers, Slack's event bookkeeping and the meeting records."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import bindparam, select

from bot.db.models import Person
from bot.db.one_row import OneRow, RowReader
from bot.domain.errors import NotYourRelationship
from bot.domain.invitation import MeetingFormat
from bot.domain.meetings import MeetingPlan
from bot.domain.offers import Offer
from bot.domain.preferences import Preferences
from bot.domain.relationship import Action, Role, State
from bot.services import (
    composer_prefill,
    invitations,
    meeting_records,
    meetings,
    offers,
    overview,
    people,
    preferences,
    readiness,
    report,
    slack_events,
)
from tests.integration.test_invitation_service import MENTEE, MENTOR, NOW, OTHER, TEAM, send
from tests.integration.test_relationship_services import active

OFFER = Offer("Moving from engineer to lead", ("leadership",), 2, (MeetingFormat.VIDEO,))


def test_an_offer_is_found_while_it_has_room_and_not_by_its_own_mentee(uow):
    with uow() as unit:
        offers.save(unit, TEAM, MENTOR, OFFER, 3, NOW)
    with uow() as unit:
        assert [c.user_id for c in offers.find(unit, TEAM, OTHER, "lead", "UTC", NOW)] == [MENTOR]
    send(uow)  # Ana invites Ben: he is in an open relationship with her now
    with uow() as unit:
        assert offers.places_taken(unit, TEAM, MENTOR) == 1
        assert offers.find(unit, TEAM, MENTEE, "lead", "UTC", NOW) == []
    with uow() as unit:
        offers.pause(unit, TEAM, MENTOR, True, NOW)
    with uow() as unit:
        assert offers.load(unit, TEAM, MENTOR).paused
        assert offers.find(unit, TEAM, OTHER, "lead", "UTC", NOW) == []
    with uow() as unit, pytest.raises(offers.OfferRefused):
        offers.save(unit, TEAM, MENTOR, Offer("", (), 0, ()), 3, NOW)  # nothing to offer


def test_a_persons_overview_shows_each_side_and_what_waits_on_them(uow):
    rel = send(uow)
    with uow() as unit:
        [mine] = overview.of_person(unit, TEAM, MENTOR, NOW, invitations.DEFAULT_TIMING)
        [hers] = overview.of_person(unit, TEAM, MENTEE, NOW, invitations.DEFAULT_TIMING)
    assert mine.role is Role.MENTOR and [w.ask for w in mine.waiting] == [
        overview.Ask.ANSWER_INVITATION]
    assert hers.role is Role.MENTEE and hers.waiting == () and hers.relationship.id == rel.id


def test_the_report_counts_states_and_never_reads_anyones_words(uow):
    active(uow)
    declined = send(uow, mentee=OTHER)
    with uow() as unit:
        invitations.act(unit, TEAM, declined.id, MENTOR, Action.DECLINE, NOW,
                        note="MARKER my calendar is full")
    with uow() as unit:
        figures = report.programme(unit, TEAM, NOW + timedelta(days=1))
    assert figures.by_state == {State.ACTIVE: 1, State.DECLINED: 1}
    csv = report.as_csv(figures)
    assert "MARKER" not in csv and "active" in csv and "declined" in csv


def slack_knowing_cleo(asked: list[str]):
    """A workspace's lookup client whose users.info knows Cleo in Tokyo, noting who is asked."""
    def users_info(user):
        asked.append(user)
        return {"user": {"id": user, "team_id": TEAM, "tz": "Asia/Tokyo", "is_bot": False,
                         "deleted": False, "profile": {"display_name": "Cleo"}}}

    return lambda team: SimpleNamespace(users_info=users_info)


def test_the_directory_answers_from_its_cache_and_asks_slack_only_when_stale(uow, clean_db):
    asked: list[str] = []
    directory = people.Directory(slack_knowing_cleo(asked), uow)
    assert directory.tz_of(TEAM, OTHER, NOW) == "Asia/Tokyo" and asked == [OTHER]
    assert directory.lookup(TEAM, OTHER, NOW + timedelta(hours=1)).display_name == "Cleo"
    assert asked == [OTHER]  # the database's copy is still fresh
    with uow() as unit:
        assert unit.session.get(Person, (TEAM, OTHER)).tz == "Asia/Tokyo"
    directory.lookup(TEAM, OTHER, NOW + people.CACHE_FOR + timedelta(minutes=1))
    assert asked == [OTHER, OTHER]


def test_reminder_settings_are_kept_and_roles_follow_open_relationships(uow):
    with uow() as unit:
        assert preferences.roles_of(unit, TEAM, MENTEE) == frozenset()
    send(uow)
    with uow() as unit:
        assert preferences.roles_of(unit, TEAM, MENTEE) == {Role.MENTEE}
        assert preferences.roles_of(unit, TEAM, MENTOR) == {Role.MENTOR}
    with uow() as unit:
        preferences.save(unit, TEAM, MENTEE, Preferences(quiet_start=time(19, 0),
                                                         mentee_starting_soon=False),
                         NOW, invitations.DEFAULT_TIMING)
    with uow() as unit:
        kept = preferences.of(unit, TEAM, MENTEE)
    assert kept.quiet_start == time(19, 0) and not kept.wants_starting_soon_as_mentee


def test_readiness_answers_are_kept_and_replaced(uow):
    answers = readiness.Answers("Lead a team", "Reliable services", "Influence", "Perspective")
    with uow() as unit:
        assert readiness.load(unit, TEAM, MENTEE) is None
        readiness.save(unit, TEAM, MENTEE, answers, NOW)
    with uow() as unit:
        readiness.save(unit, TEAM, MENTEE, replace(answers, next_goal="Lead a platform team"),
                       NOW)
    with uow() as unit:
        assert readiness.load(unit, TEAM, MENTEE).next_goal == "Lead a platform team"


def test_the_composer_prefill_reads_her_answers_and_known_zone_in_one_statement(
        uow, clean_db):
    rows = RowReader(clean_db)
    assert composer_prefill.read(rows, TEAM, MENTEE) == composer_prefill.Prefill(None, None)
    answers = readiness.Answers("Lead a team", "Reliable services", "Influence", "Perspective")
    with uow() as unit:
        readiness.save(unit, TEAM, MENTEE, answers, NOW)
    assert composer_prefill.read(rows, TEAM, MENTEE) == composer_prefill.Prefill(answers, None)
    people.Directory(slack_knowing_cleo([]), uow).lookup(TEAM, OTHER, NOW)
    # Cleo's profile is known, her answers are not; Ana's answers are not Cleo's.
    assert composer_prefill.read(rows, TEAM, OTHER) == composer_prefill.Prefill(
        None, "Asia/Tokyo")
    assert composer_prefill.read(rows, "T0ELSE", MENTEE) == composer_prefill.Prefill(None, None)


def test_a_one_row_read_refuses_a_column_whose_type_converts_values(clean_db):
    with pytest.raises(TypeError, match="fetched_at"):
        RowReader(clean_db).first(OneRow(select(Person.fetched_at).where(
            Person.user_id == bindparam("user_id"))), {"user_id": MENTEE})


def test_each_event_is_taken_once_and_an_older_account_change_is_ignored(uow):
    with uow() as unit:
        assert slack_events.first_delivery(unit, TEAM, "Ev1", NOW)
    with uow() as unit:
        assert not slack_events.first_delivery(unit, TEAM, "Ev1", NOW)  # Slack's retry
    with uow() as unit:
        assert slack_events.newer_account_change(unit, TEAM, MENTOR, 200, True)
    with uow() as unit:
        assert not slack_events.newer_account_change(unit, TEAM, MENTOR, 100, False)


def test_a_meeting_record_is_read_by_its_two_people_only_and_knows_when_it_moved(uow):
    rel_id = active(uow)
    plan = MeetingPlan(NOW + timedelta(days=5), 45, MeetingFormat.VIDEO,
                       "https://zoom.us/j/1234567890", "")
    with uow() as unit:
        booked = meetings.schedule(unit, TEAM, rel_id, MENTEE, plan, NOW)
    with uow() as unit:
        assert meeting_records.get(unit, TEAM, booked.id, MENTOR).plan == plan
        with pytest.raises(NotYourRelationship):
            meeting_records.get(unit, TEAM, booked.id, OTHER)
    with uow() as unit:
        meetings.reschedule(unit, TEAM, booked.id, MENTEE,
                            MeetingPlan(NOW + timedelta(days=6), 45, MeetingFormat.VIDEO,
                                        "https://zoom.us/j/1234567890", ""), NOW)
    with uow() as unit, pytest.raises(meeting_records.Moved):
        meeting_records.clicked(unit, TEAM, booked.id, booked.sequence, MENTEE)


def test_a_stale_profile_serves_sending_and_an_event_keeps_it_current(uow):
    asked: list[str] = []
    directory = people.Directory(slack_knowing_cleo(asked), uow)
    assert directory.known(TEAM, OTHER, NOW).tz == "Asia/Tokyo" and asked == [OTHER]
    much_later = NOW + people.CACHE_FOR * 4
    # Old, but known: no users.info for a time zone to send by.
    assert directory.known(TEAM, OTHER, much_later).tz == "Asia/Tokyo" and asked == [OTHER]
    # Slack's user_change says she moved: the cache follows, as fresh as users.info.
    moved = {"id": OTHER, "team_id": TEAM, "tz": "Europe/Lisbon", "deleted": False,
             "profile": {"display_name": "Cleo"}}
    assert directory.confirm(TEAM, moved, much_later)
    assert directory.lookup(TEAM, OTHER, much_later).tz == "Europe/Lisbon"
    assert asked == [OTHER]
    # Someone mentorbot has never seen is not kept.
    assert not directory.confirm(TEAM, {**moved, "id": "UNKNOWN01"}, much_later)
    with uow() as unit:
        assert unit.session.get(Person, (TEAM, "UNKNOWN01")) is None


def test_a_profile_forgotten_meanwhile_is_not_stored_again(uow, clean_db):
    directory = people.Directory(slack_knowing_cleo([]), uow)
    assert directory.known(TEAM, OTHER, NOW) is not None
    # Forgotten by another process, then a late user_change about her.
    with uow() as unit:
        unit.session.delete(unit.session.get(Person, (TEAM, OTHER)))
        unit.commit()
    late = {"id": OTHER, "team_id": TEAM, "tz": "Europe/Lisbon", "deleted": True,
            "profile": {"display_name": "Cleo"}}
    assert not directory.confirm(TEAM, late, NOW)
    with uow() as unit:
        assert unit.session.get(Person, (TEAM, OTHER)) is None


def test_a_reading_unit_sees_one_snapshot_and_writes_nothing(uow, reader):
    people.Directory(slack_knowing_cleo([]), uow).known(
        TEAM, OTHER, NOW)
    with reader() as unit:
        [name] = unit.execute(select(Person.display_name)).scalars()
        # The ORM session of the same unit shares its connection.
        assert unit.session.get(Person, (TEAM, OTHER)).display_name == name == "Cleo"
        with pytest.raises(TypeError):
            unit.commit()
    # Readiness answers and profiles are read without an ORM session at all.
    directory = people.Directory(lambda team: None, uow, reader)
    assert directory.seen(TEAM, OTHER, NOW).tz == "Asia/Tokyo"
    with reader() as unit:
        assert readiness.load(unit, TEAM, OTHER) is None

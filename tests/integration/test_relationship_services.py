"""A relationship's whole life through the services, on the database and with no HTTP:
agreement, meetings, endings and personal data, with the rows and outbox they leave."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.db.models import AgreementVersion, Meeting, Nudge, Relationship
from bot.domain.agreement import Draft, Numbers
from bot.domain.errors import AlreadyDone, IllegalTransition, NotYourRelationship
from bot.domain.invitation import Cadence, MeetingFormat, Terms
from bot.domain.meetings import MeetingPlan, MeetingStatus
from bot.domain.nudges import NudgeStatus
from bot.domain.relationship import Action, State
from bot.services import afterwards, agreements, endings, invitations, meetings, personal_data
from bot.services.meetings import Agenda
from tests.integration.test_invitation_service import MENTEE, MENTOR, NOW, OTHER, TEAM, send

NUMBERS = Numbers(Terms(Cadence.BIWEEKLY, 45, 6), reschedule_notice_hours=24,
                  agenda_lead_days=2)
DRAFT = Draft(NUMBERS, ("We keep what is said between us.",))
LINK = "https://zoom.us/j/1234567890"


def active(uow) -> int:
    rel = send(uow)
    with uow() as unit:
        invitations.act(unit, TEAM, rel.id, MENTOR, Action.ACCEPT, NOW)
    with uow() as unit:
        version = agreements.propose(unit, TEAM, rel.id, MENTEE, DRAFT, NOW)
    with uow() as unit:
        agreements.confirm(unit, TEAM, rel.id, MENTOR, version.version, NOW + timedelta(hours=1))
    return rel.id


def plan(days: int, minutes: int = 45) -> MeetingPlan:
    return MeetingPlan(NOW + timedelta(days=days), minutes, MeetingFormat.VIDEO, LINK, "")


def outbox(uow, relationship_id: int) -> dict[tuple[str, str], NudgeStatus]:
    with uow() as unit:
        return {(n.kind, n.subject): n.status for n in unit.session.scalars(
            select(Nudge).where(Nudge.relationship_id == relationship_id))}


def test_confirming_the_agreement_makes_its_numbers_the_relationships(uow):
    rel_id = active(uow)
    with uow() as unit:
        row = unit.session.get(Relationship, rel_id)
        assert row.state == State.ACTIVE.value and row.agenda_lead_days == 2
        newest = agreements.newest(unit, TEAM, rel_id, MENTEE)
        assert newest.agreed and newest.version == 1
    with uow() as unit, pytest.raises(AlreadyDone):
        agreements.confirm(unit, TEAM, rel_id, MENTOR, 1, NOW + timedelta(hours=2))
    with uow() as unit, pytest.raises(NotYourRelationship):
        agreements.newest(unit, TEAM, rel_id, OTHER)


def test_a_meeting_plans_its_nudges_and_moving_it_moves_them(uow):
    rel_id = active(uow)
    with uow() as unit:
        meeting = meetings.schedule(unit, TEAM, rel_id, MENTEE, plan(7), NOW)
    subject = f"meeting:{meeting.id}"
    planned = outbox(uow, rel_id)
    assert planned[("agenda_due", subject)] == NudgeStatus.PENDING
    assert planned[("mentor_briefing", subject)] == NudgeStatus.PENDING
    with uow() as unit:
        meetings.send_agenda(unit, TEAM, meeting.id, MENTEE, Agenda("Growing a team"), NOW)
    assert outbox(uow, rel_id)[("agenda_due", subject)] == NudgeStatus.OBSOLETE
    with uow() as unit:
        change = meetings.reschedule(unit, TEAM, meeting.id, MENTEE, plan(8), NOW)
    assert change.meeting.sequence == 1 and not change.late
    with uow() as unit:
        due = unit.session.scalars(select(Nudge.due_at).where(
            Nudge.subject == subject, Nudge.kind == "mentor_briefing")).one()
    assert due == NOW + timedelta(days=7)  # a day before the new time
    with uow() as unit, pytest.raises(IllegalTransition):
        afterwards.log_afterwards(unit, TEAM, meeting.id, MENTEE, True, "", "", NOW)


def test_logging_a_meeting_keeps_takeaways_private_and_thanks_once(uow):
    rel_id = active(uow)
    with uow() as unit:
        meeting = meetings.schedule(unit, TEAM, rel_id, MENTEE, plan(3), NOW)
    after = NOW + timedelta(days=3, hours=2)
    with uow() as unit:
        logged = afterwards.log_afterwards(unit, TEAM, meeting.id, MENTEE, True, "Delegate more",
                                         "Thank you!", after)
    assert logged.status == MeetingStatus.HELD
    with uow() as unit, pytest.raises(AlreadyDone):
        afterwards.log_afterwards(unit, TEAM, meeting.id, MENTEE, True, "", "Again", after)
    with uow() as unit:
        mentor_copy = json.dumps(personal_data.export(unit, TEAM, MENTOR))
        mentee_copy = json.dumps(personal_data.export(unit, TEAM, MENTEE))
    assert "Delegate more" in mentee_copy and "Delegate more" not in mentor_copy
    subject = f"meeting:{meeting.id}"
    assert outbox(uow, rel_id)[("thanks_reminder", subject)] == NudgeStatus.OBSOLETE


def test_completing_cancels_what_is_ahead_and_closes_the_outbox(uow):
    rel_id = active(uow)
    with uow() as unit:
        meeting = meetings.schedule(unit, TEAM, rel_id, MENTEE, plan(10), NOW)
    with uow() as unit:
        ended = endings.complete(unit, TEAM, rel_id, MENTEE, "I grew", "Thank you",
                                 NOW + timedelta(days=1))
    assert ended.relationship.state is State.COMPLETED
    assert ended.cancelled_meeting_ids == (meeting.id,)
    with uow() as unit:
        assert unit.session.get(Meeting, meeting.id).status == MeetingStatus.CANCELLED
    assert NudgeStatus.PENDING not in outbox(uow, rel_id).values()


def test_a_change_along_the_way_governs_once_confirmed_and_never_after_the_end(uow):
    rel_id = active(uow)
    weekly = Draft(Numbers(Terms(Cadence.WEEKLY, 45, 6), 24, 2), DRAFT.terms)
    with uow() as unit, pytest.raises(NotYourRelationship):
        agreements.propose(unit, TEAM, rel_id, OTHER, weekly, NOW)
    with uow() as unit:
        proposed = agreements.propose(unit, TEAM, rel_id, MENTOR, weekly, NOW, "Faster?")
    assert proposed.adjusting and proposed.changes.numbers == (
        "meet every week (was every two weeks)",)
    with uow() as unit:
        # Proposed is not agreed: the version in force is still the first.
        assert agreements.in_force(unit, TEAM, rel_id, MENTEE).version == 1
        assert unit.session.get(Relationship, rel_id).cadence == "biweekly"
    with uow() as unit:
        agreements.confirm(unit, TEAM, rel_id, MENTEE, proposed.version, NOW)
    with uow() as unit:
        assert agreements.in_force(unit, TEAM, rel_id, MENTOR).version == 2
        assert unit.session.get(Relationship, rel_id).cadence == "weekly"
    with uow() as unit:
        endings.complete(unit, TEAM, rel_id, MENTEE, "", "", NOW + timedelta(days=1))
    with uow() as unit, pytest.raises(IllegalTransition, match="completed"):
        agreements.propose(unit, TEAM, rel_id, MENTEE, DRAFT, NOW + timedelta(days=2))


def test_continuing_writes_a_confirmed_version_with_the_longer_timeline(uow):
    rel_id = active(uow)
    with uow() as unit, pytest.raises(IllegalTransition):
        endings.propose_continuation(unit, TEAM, rel_id, MENTOR, 3, "", NOW)
    with uow() as unit:
        endings.propose_continuation(unit, TEAM, rel_id, MENTEE, 3, "More please", NOW)
    with uow() as unit:
        rel, added = endings.answer_continuation(unit, TEAM, rel_id, MENTOR, True, NOW)
    assert added == 3 and rel.terms.months == 9
    with uow() as unit:
        newest = unit.session.scalars(select(AgreementVersion).where(
            AgreementVersion.relationship_id == rel_id)
            .order_by(AgreementVersion.version.desc())).first()
        assert (newest.version, newest.months) == (2, 9)
        assert newest.mentee_confirmed_at and newest.mentor_confirmed_at
    with uow() as unit, pytest.raises(AlreadyDone):
        endings.answer_continuation(unit, TEAM, rel_id, MENTOR, True, NOW)


def test_forgetting_a_mentee_ends_the_relationship_and_erases_only_their_words(uow):
    rel_id = active(uow)
    with uow() as unit:
        meeting = meetings.schedule(unit, TEAM, rel_id, MENTEE, plan(5), NOW)
        meetings.send_agenda(unit, TEAM, meeting.id, MENTEE, Agenda("My secret plan"), NOW)
    with uow() as unit:
        told = personal_data.forget(unit, TEAM, MENTEE, NOW + timedelta(days=1))
    assert [left.person_id for left in told] == [MENTOR]
    assert [m.id for m in told[0].cancelled] == [meeting.id]  # for the cancelling file
    with uow() as unit:
        row = unit.session.get(Relationship, rel_id)
        assert row.state == State.CANCELLED.value and row.mentee_id != MENTEE
        assert unit.session.get(Meeting, meeting.id).agenda_topics in (None, "")
    assert NudgeStatus.PENDING not in outbox(uow, rel_id).values()

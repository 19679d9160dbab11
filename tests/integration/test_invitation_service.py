"""Invitation services against a real database: rows, audit, the rules the database keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.db.engine import make_session_factory
from bot.db.models import Relationship, TransitionRecord
from bot.db.uow import UnitOfWork
from bot.domain.errors import AlreadyDone, IllegalTransition, NotYourRelationship
from bot.domain.invitation import Cadence, Invitation, MeetingFormat, Terms
from bot.domain.nudges import DEFAULT_TIMING
from bot.domain.relationship import Action, State
from bot.services import invitations, relationships, workspaces
from bot.services.people import Profile

TEAM, MENTEE, MENTOR, OTHER = "T1", "U1", "U2", "U3"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
MENTOR_PROFILE = Profile(MENTOR, TEAM, "Ben", "America/Los_Angeles", False, False)
INVITATION = Invitation(
    intro="I'm a backend engineer aiming to lead a platform team within two years.",
    why_them="Your incident review talk changed how my team learns from failure.",
    terms=Terms(Cadence.BIWEEKLY, 45, 6), meeting_format=MeetingFormat.VIDEO,
    handles_logistics=True, reply_by=date(2026, 12, 2),
    offer="Session notes you can reuse with your own mentees.",
)



def send(uow, mentee=MENTEE, mentor_profile=MENTOR_PROFILE, limit=3):
    with uow() as unit:
        draft = invitations.save_draft(unit, TEAM, mentee, mentor_profile.user_id, INVITATION,
                                       NOW)
    with uow() as unit:
        return invitations.send(unit, TEAM, mentee, draft.id, "Europe/Berlin", mentor_profile,
                                limit, NOW)


def test_sending_writes_the_relationship_its_invitation_and_the_first_audit_row(uow, clean_db):
    rel = send(uow)
    assert rel.state is State.INVITED and rel.terms == INVITATION.terms
    # 23:59 in Berlin on the reply-by day is 22:59 UTC in December.
    assert rel.reply_by_at == datetime(2026, 12, 2, 22, 59, tzinfo=UTC)
    with Session(clean_db) as session:
        [record] = session.scalars(select(TransitionRecord))
        assert (record.actor_id, record.actor_role, record.action, record.from_state,
                record.to_state, record.team_id) == (MENTEE, "mentee", "invite", "new",
                                                     "invited", TEAM)
        assert record.at == NOW and record.at.tzinfo is not None


def test_the_database_allows_one_open_relationship_per_pair(clean_db):
    def row(state):
        return Relationship(team_id=TEAM, mentee_id=MENTEE, mentor_id=MENTOR, state=state,
                            cadence="weekly", minutes=30, months=3, meeting_format="video",
                            created_at=NOW)

    with Session(clean_db) as session:
        session.add_all([row("declined"), row("withdrawn"), row("invited")])
        session.commit()
        session.add(row("agreed"))
        with pytest.raises(IntegrityError):
            session.commit()


def test_a_stranger_can_neither_read_nor_move_a_relationship(uow):
    rel = send(uow)
    with uow() as unit, pytest.raises(NotYourRelationship):
        relationships.get(unit, TEAM, rel.id, OTHER)
    with uow() as unit, pytest.raises(NotYourRelationship):
        invitations.act(unit, TEAM, rel.id, OTHER, Action.DECLINE, NOW)
    with uow() as unit, pytest.raises(relationships.NotFound):
        relationships.get(unit, "T-OTHER-TEAM", rel.id, MENTEE)
    with uow() as unit:
        assert relationships.get(unit, TEAM, rel.id, MENTEE).state is State.INVITED


def test_accepting_twice_is_already_done_and_recorded_once(uow, clean_db):
    rel = send(uow)
    with uow() as unit:
        invitations.act(unit, TEAM, rel.id, MENTOR, Action.ACCEPT, NOW)
    with uow() as unit, pytest.raises(AlreadyDone):
        invitations.act(unit, TEAM, rel.id, MENTOR, Action.ACCEPT, NOW)
    with uow() as unit, pytest.raises(IllegalTransition):
        invitations.act(unit, TEAM, rel.id, MENTEE, Action.WITHDRAW, NOW)
    with Session(clean_db) as session:
        assert session.scalars(select(TransitionRecord.action)).all() == ["invite", "accept"]


def test_a_lost_race_is_reported_as_already_done(uow, clean_db):
    """Two units of work read version 1; the second to write finds version 2."""
    if clean_db.dialect.name == "sqlite":
        pytest.skip("SQLite serialises writers when they begin, so this race cannot happen")
    rel = send(uow)
    factory = make_session_factory(clean_db)
    slow = UnitOfWork(factory)
    with slow:
        stale = slow.session.get(Relationship, rel.id)
        assert stale.state == "invited"
        with uow() as fast:
            invitations.act(fast, TEAM, rel.id, MENTOR, Action.DECLINE, NOW)
        with pytest.raises(AlreadyDone):
            invitations.act(slow, TEAM, rel.id, MENTOR, Action.DECLINE, NOW)


def test_a_counter_proposal_becomes_the_terms_only_when_the_mentee_accepts(uow):
    rel = send(uow)
    counter = Terms(Cadence.MONTHLY, 30, 6)
    with uow() as unit:
        proposed = invitations.act(unit, TEAM, rel.id, MENTOR, Action.SUGGEST_CHANGES, NOW,
                                   counter=counter, note="Monthly suits me")
    assert proposed.state is State.INVITED and proposed.terms == INVITATION.terms
    assert proposed.counter == counter
    with uow() as unit:
        agreed = invitations.act(unit, TEAM, rel.id, MENTEE, Action.ACCEPT_COUNTER, NOW)
    assert agreed.state is State.AGREED and agreed.terms == counter


def test_sending_plans_the_reply_by_nudges_and_answering_makes_them_obsolete(uow, clean_db):
    from bot.db.models import Nudge

    rel = send(uow)

    def outbox():
        with Session(clean_db) as session:
            return sorted((n.kind, n.status, n.due_at) for n in session.scalars(select(Nudge)))

    grace = timedelta(days=7)
    assert outbox() == [("invitation_expiry", "pending", rel.reply_by_at + grace),
                        ("reply_by_check", "pending", rel.reply_by_at)]
    with uow() as unit:  # planning again changes nothing
        row = unit.session.get(Relationship, rel.id)
        from bot.services import nudges

        nudges.replan(unit, row, DEFAULT_TIMING)
        unit.commit()
    assert len(outbox()) == 2
    with uow() as unit:
        invitations.act(unit, TEAM, rel.id, MENTOR, Action.ACCEPT, NOW)
    # Accepted: the invitation's nudges are moot, the agreement is the next step, and the
    # yes closes in three weeks if no agreement follows.
    assert outbox() == [("agreement_last_call", "pending", NOW + timedelta(days=14)),
                        ("agreement_not_sent", "pending", NOW + timedelta(days=2)),
                        ("invitation_expiry", "obsolete", rel.reply_by_at + grace),
                        ("lapse", "pending", NOW + timedelta(days=21)),
                        ("reply_by_check", "obsolete", rel.reply_by_at)]


def test_the_mentor_limit_counts_every_open_relationship(uow):
    for mentee in ("U10", "U11"):
        send(uow, mentee=mentee, limit=2)
    from bot.domain.errors import InviteeRefused, Refusal

    with pytest.raises(InviteeRefused) as refused:
        send(uow, mentee="U12", limit=2)
    assert refused.value.reason is Refusal.MENTOR_FULL and refused.value.limit == 2


def test_uninstall_is_idempotent(uow):
    with uow() as unit:
        workspaces.mark_uninstalled(unit, TEAM, NOW)
    with uow() as unit:
        workspaces.mark_uninstalled(unit, TEAM, NOW + timedelta(hours=1))
    with uow() as unit:
        assert workspaces.is_uninstalled(unit, TEAM)
        from bot.db.models import Workspace

        assert unit.session.get(Workspace, TEAM).uninstalled_at == NOW


def test_mentees_racing_for_a_mentors_last_place_get_one_yes_between_them(uow, clean_db):
    """Each checks the count and inserts in its own transaction: only a lock held across
    both keeps the count under the limit."""
    import threading

    from bot.domain.errors import InviteeRefused

    mentees = [f"U2{n}" for n in range(8)]
    drafts = {}
    for mentee in mentees:
        with uow() as unit:
            drafts[mentee] = invitations.save_draft(unit, TEAM, mentee, MENTOR, INVITATION,
                                                    NOW).id
    start = threading.Barrier(len(mentees))
    outcomes: list[str] = []

    def race(mentee: str) -> None:
        start.wait()
        try:
            with uow() as unit:
                invitations.send(unit, TEAM, mentee, drafts[mentee], "UTC", MENTOR_PROFILE,
                                 1, NOW)
            outcomes.append("sent")
        except InviteeRefused:
            outcomes.append("refused")

    threads = [threading.Thread(target=race, args=(m,)) for m in mentees]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused"] * 7 + ["sent"]
    with Session(clean_db) as session:
        assert len(session.scalars(select(Relationship)).all()) == 1

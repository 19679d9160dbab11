"""How a relationship ends well: completed by the mentee, continued by both, or ended
early by either."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from bot.db import models
from bot.db.queries import agreed_agreement, newest_agreement
from bot.db.uow import UnitOfWork
from bot.domain import endings as continuing
from bot.domain.errors import Ambiguous, DomainError, IllegalTransition
from bot.domain.meetings import MeetingStatus
from bot.domain.nudges import DEFAULT_TIMING, Timing
from bot.domain.relationship import OPEN_STATES, Action, Role, State
from bot.services import nudges, relationships
from bot.services.relationships import RelationshipView


@dataclass(frozen=True)
class Ended:
    relationship: RelationshipView
    by: Role
    # Meetings still ahead, now cancelled: the two need cancelling calendar files.
    cancelled_meeting_ids: tuple[int, ...]


def ending_choices(uow: UnitOfWork, team_id: str, user_id: str, *, mentee_only: bool,
                   states: frozenset[State] = OPEN_STATES) -> list[RelationshipView]:
    """The person's relationships a closing form may be about."""
    return [rel for rel in relationships.of_person(uow, team_id, user_id)
            if rel.state in states and (not mentee_only or rel.mentee_id == user_id)]


def closing_target(uow: UnitOfWork, team_id: str, user_id: str, kind: str, *,
                   relationship_id: int | None = None,
                   other_id: str | None = None) -> RelationshipView:
    """The one relationship `complete`, `continue` (the mentee's, active) or `end` (either
    one's, agreed or active) is about: the clicked one, the one with the person named, or
    the only candidate. Raises DomainError saying what to do otherwise, or Ambiguous."""
    ending = kind == "end"
    states = frozenset({State.AGREED, State.ACTIVE}) if ending else frozenset({State.ACTIVE})
    if relationship_id is not None:
        rel = relationships.get_still_open(uow, team_id, relationship_id, user_id)
        choices = [rel] if rel.state in states else []
    else:
        choices = ending_choices(uow, team_id, user_id, mentee_only=not ending, states=states)
    if other_id is not None:
        choices = [rel for rel in choices if other_id in (rel.mentee_id, rel.mentor_id)]
    if not choices:
        which = " or ".join(state.value for state in State if state in states)
        parts = [f"You have no {which} mentoring relationship"]
        if not ending:
            parts.append("as a mentee")
        if other_id:
            parts.append(f"with <@{other_id}>")
        raise DomainError(" ".join(parts) + f" to {kind}. A pending invitation is withdrawn "
                          "or declined on the invitation itself; `/mentor status` lists "
                          "yours.")
    if len(choices) > 1:
        raise Ambiguous(kind, choices)
    rel = choices[0]
    if not ending and rel.role_of(user_id) is not Role.MENTEE:
        raise DomainError(f"The mentee decides to {kind}; <@{rel.mentee_id}> has the button.")
    if kind == "continue" and rel.terms.conversation:
        raise DomainError("A mentoring conversation is one session: once it is complete, you "
                          "may propose a relationship from its message.")
    return rel


def complete(uow: UnitOfWork, team_id: str, relationship_id: int, mentee_id: str,
             reflection: str, thanks: str, now: datetime,
             timing: Timing = DEFAULT_TIMING, goal_now: str = "") -> Ended:
    """The mentee closes an active relationship. The reflection, and where she stands on
    her goal, stay hers; the thanks is delivered by the caller. Every pending nudge
    becomes obsolete."""
    row = _row_for(uow, team_id, relationship_id, mentee_id)
    relationships.apply_move(uow, row, mentee_id, Action.COMPLETE, now)
    row.reflection = reflection or None
    row.goal_now = goal_now or None
    row.ended_by = Role.MENTEE.value
    if thanks:
        row.final_thanks_sent_at = now
    row.continue_months = row.continue_note = row.continue_proposed_at = None
    cancelled = cancel_meetings_ahead(uow, row, now)
    view = relationships.commit_move(uow, row, mentee_id, Action.COMPLETE, timing)
    return Ended(view, Role.MENTEE, cancelled)


def end_early(uow: UnitOfWork, team_id: str, relationship_id: int, actor_id: str,
              reason: str, now: datetime, timing: Timing = DEFAULT_TIMING) -> Ended:
    """Either side ends an agreed or active relationship before its time."""
    row = _row_for(uow, team_id, relationship_id, actor_id)
    move = relationships.apply_move(uow, row, actor_id, Action.CANCEL, now)
    row.end_reason = reason or None
    row.ended_by = move.role.value
    row.continue_months = row.continue_note = row.continue_proposed_at = None
    cancelled = cancel_meetings_ahead(uow, row, now)
    view = relationships.commit_move(uow, row, actor_id, Action.CANCEL, timing)
    return Ended(view, move.role, cancelled)


def propose_continuation(uow: UnitOfWork, team_id: str, relationship_id: int,
                         mentee_id: str, extra_months: int, note: str,
                         now: datetime, timing: Timing = DEFAULT_TIMING) -> RelationshipView:
    row = _row_for(uow, team_id, relationship_id, mentee_id)
    view = relationships.view_of(row)
    continuing.check_proposal(view.role_of(mentee_id), view.state, extra_months)
    row.continue_months, row.continue_note, row.continue_proposed_at = (
        extra_months, note or None, now)
    nudges.replan(uow, row, timing)
    uow.commit()
    return view


def answer_continuation(uow: UnitOfWork, team_id: str, relationship_id: int,
                        mentor_id: str, agree: bool, now: datetime,
                        timing: Timing = DEFAULT_TIMING) -> tuple[RelationshipView, int]:
    """The mentor's answer. Agreeing writes a new agreement version, confirmed by both (the
    mentee by proposing it), with the longer timeline. Returns the months added (0 if not)."""
    row = _row_for(uow, team_id, relationship_id, mentor_id)
    view = relationships.view_of(row)
    continuing.check_answer(view.role_of(mentor_id), view.state, row.continue_months is not None)
    extra = row.continue_months
    # When she proposed stays: "what next?" comes two weeks after it, whatever he said.
    row.continue_months = row.continue_note = None
    if agree:
        _extend_agreement(uow, row, extra, now)
        row.months += extra
    nudges.replan(uow, row, timing)
    uow.commit()
    return relationships.view_of(row), extra if agree else 0


def _extend_agreement(uow: UnitOfWork, row: models.Relationship, extra: int,
                      now: datetime) -> None:
    A = models.AgreementVersion
    newest, agreed = newest_agreement(uow, row.id), agreed_agreement(uow, row.id)
    if newest is None or agreed is None:
        raise IllegalTransition("There is no agreement to extend.")
    # It follows the newest version in number, so a change still proposed goes stale.
    uow.session.add(A(
        team_id=row.team_id, relationship_id=row.id, version=newest.version + 1,
        author_role=Role.MENTEE.value, terms=list(agreed.terms), cadence=row.cadence,
        minutes=row.minutes, months=row.months + extra,
        reschedule_notice_hours=agreed.reschedule_notice_hours,
        agenda_lead_days=agreed.agenda_lead_days, meeting_format=agreed.meeting_format,
        note=continuing.continuation_note(extra), created_at=now,
        mentee_confirmed_at=now, mentor_confirmed_at=now))


def _row_for(uow: UnitOfWork, team_id: str, relationship_id: int,
             user_id: str) -> models.Relationship:
    # Raises unless the person is one of the two.
    relationships.get(uow, team_id, relationship_id, user_id)
    return uow.session.get(models.Relationship, relationship_id)


def cancel_meetings_ahead(uow: UnitOfWork, row: models.Relationship,
                          now: datetime) -> tuple[int, ...]:
    """A relationship that ends keeps no meeting ahead of it."""
    M = models.Meeting
    ahead = list(uow.session.scalars(select(M).where(
        M.relationship_id == row.id, M.status == MeetingStatus.SCHEDULED, M.starts_at > now)))
    for meeting in ahead:
        meeting.status = MeetingStatus.CANCELLED
        meeting.sequence += 1
    return tuple(m.id for m in ahead)

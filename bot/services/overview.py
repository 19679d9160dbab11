"""One person's view of all their relationships: where each stands, what is next, how it
is going, and what the mentee owes. Reads only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select

from bot.db import models
from bot.db.queries import relationships_of
from bot.db.uow import UnitOfWork
from bot.domain.health import Health, MeetingRecord, health
from bot.domain.meetings import MeetingStatus
from bot.domain.nudges import Timing
from bot.domain.relationship import OPEN_STATES, Role, State
from bot.domain.todos import TodoItem, todos
from bot.services.nudges import agreed_of, facts_of
from bot.services.relationships import RelationshipView, view_of

# Open relationships first (they have things to do), then the newest closed ones.
_STATE_ORDER = {State.ACTIVE: 0, State.AGREED: 1, State.INVITED: 2}


class Ask(StrEnum):
    """Something that waits on this person's answer, whichever side they are on."""

    ANSWER_INVITATION = "answer_invitation"  # the mentor
    ANSWER_COUNTER = "answer_counter"  # the mentee, on the mentor's suggested changes
    CONFIRM_AGREEMENT = "confirm_agreement"  # whoever did not write the newest version
    ANSWER_CONTINUATION = "answer_continuation"  # the mentor


@dataclass(frozen=True)
class Waiting:
    ask: Ask
    relationship_id: int
    version: int | None = None  # the agreement version to confirm
    reply_by: datetime | None = None
    months: int | None = None  # more months proposed


@dataclass(frozen=True)
class Standing:
    relationship: RelationshipView
    role: Role
    next_meeting_at: datetime | None
    health: Health
    todos: tuple[TodoItem, ...]  # the mentee's; empty for the mentor
    waiting: tuple[Waiting, ...] = ()
    # The latest meeting held or booked for a time now past, and when the mentoring began.
    last_met_at: datetime | None = None
    active_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.relationship.state in OPEN_STATES


def of_person(uow: UnitOfWork, team_id: str, user_id: str, now: datetime,
              timing: Timing) -> list[Standing]:
    M = models.Meeting
    rows = relationships_of(uow, team_id, user_id)
    ids = [row.id for row in rows]
    meetings: dict[int, list[models.Meeting]] = defaultdict(list)
    for meeting in uow.session.scalars(select(M).where(M.relationship_id.in_(ids))
                                       .order_by(M.starts_at)) if ids else ():
        meetings[meeting.relationship_id].append(meeting)
    newest = _newest_agreements(uow, [row.id for row in rows if row.state == State.AGREED])
    standings = []
    for row in rows:
        view = view_of(row)
        role = view.role_of(user_id)
        kept = meetings[row.id]
        ahead = [m.starts_at for m in kept
                 if m.status == MeetingStatus.SCHEDULED and m.starts_at > now]
        past = [m.starts_at for m in kept
                if m.status in (MeetingStatus.SCHEDULED, MeetingStatus.HELD)
                and m.starts_at <= now]
        owed = todos(facts_of(row, newest.get(row.id), kept), now, timing) \
            if role is Role.MENTEE else []
        standings.append(Standing(
            view, role, min(ahead, default=None),
            health([MeetingRecord(m.starts_at, m.status, m.agenda_sent_at, m.thanks_sent_at)
                    for m in kept], now, row.late_changes_mentee, row.late_changes_mentor,
                   agreed_of(row)),
            tuple(owed), tuple(_waiting(row, role, newest.get(row.id))),
            max(past, default=None), row.active_at))
    return sorted(standings, key=lambda s: _STATE_ORDER.get(s.relationship.state, 9))


def _waiting(row: models.Relationship, role: Role,
             newest: models.AgreementVersion | None) -> list[Waiting]:
    state = State(row.state)
    countered = row.invitation is not None and row.invitation.countered_at is not None
    if state is State.INVITED:
        if role is Role.MENTOR and not countered:
            return [Waiting(Ask.ANSWER_INVITATION, row.id, reply_by=row.invitation.reply_by_at)]
        if role is Role.MENTEE and countered:
            return [Waiting(Ask.ANSWER_COUNTER, row.id)]
    if state is State.AGREED and newest is not None and newest.author_role != role.value:
        mine = newest.mentee_confirmed_at if role is Role.MENTEE else newest.mentor_confirmed_at
        if mine is None:
            return [Waiting(Ask.CONFIRM_AGREEMENT, row.id, version=newest.version)]
    if state is State.ACTIVE and role is Role.MENTOR and row.continue_months is not None:
        return [Waiting(Ask.ANSWER_CONTINUATION, row.id, months=row.continue_months)]
    return []


def _newest_agreements(uow: UnitOfWork, relationship_ids: list[int]
                       ) -> dict[int, models.AgreementVersion]:
    if not relationship_ids:
        return {}
    A = models.AgreementVersion
    newest = (select(A.relationship_id, func.max(A.version).label("version"))
              .where(A.relationship_id.in_(relationship_ids))
              .group_by(A.relationship_id).subquery())
    rows = uow.session.scalars(select(A).join(newest, (A.relationship_id == newest.c
                                                       .relationship_id)
                                              & (A.version == newest.c.version)))
    return {row.relationship_id: row for row in rows}

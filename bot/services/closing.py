"""Closing what nobody closed: a relationship lapses after two weeks of silence on "what
next?" (or three weeks after a yes that no agreement followed), and a conversation held
and never logged completes by itself.

Both are done by mentorbot when their nudge comes due, and both are checked again then,
under the relationship's lock: a booking or a decision that came first wins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from bot.db import models
from bot.db.locks import hold_until_commit
from bot.db.uow import UnitOfWork
from bot.domain.errors import AlreadyDone
from bot.domain.meetings import MeetingStatus
from bot.domain.nudges import DEFAULT_TIMING, Kind, NudgeKind, NudgeStatus, Timing, plan
from bot.domain.relationship import Action, Role, State
from bot.services import endings, nudges, relationships
from bot.services.endings import Ended
from bot.services.relationships import SYSTEM_ACTOR


@dataclass(frozen=True)
class Stretch:
    """Where a quiet relationship stands at one moment."""

    now: datetime
    since: datetime  # the latest meeting's start, or the start of the mentoring
    met: bool  # whether they have met (or booked) at all
    ends_at: datetime | None  # the agreed end (a conversation's book-by date)
    lapses_at: datetime | None  # when silence closes it, once she has been asked
    waiting_on_mentor: bool = False  # her proposal to continue, not yet answered
    # The mentor's yes, and whether an agreement (or his yes to a conversation) ever put
    # it in force: a yes never followed by an agreement lapses too.
    agreed_at: datetime | None = None
    began: bool = True


def lock(uow: UnitOfWork, relationship_id: int) -> None:
    """Serialises a booking with a lapse of the same relationship."""
    hold_until_commit(uow, "relationship", str(relationship_id))


def stretch(uow: UnitOfWork, team_id: str, relationship_id: int, now: datetime,
            timing: Timing = DEFAULT_TIMING) -> Stretch:
    row = relationships.row_of(uow, team_id, relationship_id)
    M, N = models.Meeting, models.Nudge
    last = uow.session.scalar(select(func.max(M.starts_at)).where(
        M.relationship_id == relationship_id, M.status != MeetingStatus.CANCELLED))
    lapses_at = uow.session.scalar(select(func.min(N.due_at)).where(
        N.relationship_id == relationship_id, N.kind == Kind.LAPSE.name,
        N.status.in_((NudgeStatus.PENDING, NudgeStatus.CLAIMED))))
    return Stretch(now, last or row.active_at or row.created_at, last is not None,
                   nudges.timeline_end(row), lapses_at or now + timing.lapse_after_asking,
                   row.continue_months is not None, row.agreed_at, row.active_at is not None)


def _still_due(uow: UnitOfWork, row: models.Relationship, subject: str, kind: NudgeKind,
               now: datetime, timing: Timing) -> None:
    """Planning again, now: a booking, a decision or a continuation since it was planned
    means it no longer comes due, and nothing is closed."""
    due = {(p.subject, p.kind): p.due_at for p in plan(nudges.facts_for(uow, row, timing), timing)}
    at = due.get((subject, kind))
    if at is None or at > now:
        raise AlreadyDone("Not closed: something happened since it was planned.")


def lapse(uow: UnitOfWork, team_id: str, relationship_id: int, subject: str, now: datetime,
          timing: Timing = DEFAULT_TIMING) -> Ended:
    lock(uow, relationship_id)
    row = relationships.row_of(uow, team_id, relationship_id)
    if row.state == State.LAPSED.value:
        # A crash came between the lapse and the telling: tell now.
        return Ended(relationships.view_of(row), Role.SYSTEM, ())
    _still_due(uow, row, subject, Kind.LAPSE, now, timing)
    relationships.apply_move(uow, row, SYSTEM_ACTOR, Action.LAPSE, now)
    row.ended_by = Role.SYSTEM.value
    row.continue_months = row.continue_note = row.continue_proposed_at = None
    cancelled = endings.cancel_meetings_ahead(uow, row, now)
    view = relationships.commit_move(uow, row, SYSTEM_ACTOR, Action.LAPSE, timing)
    return Ended(view, Role.SYSTEM, cancelled)


def close_conversation(uow: UnitOfWork, team_id: str, relationship_id: int, subject: str,
                       now: datetime, timing: Timing = DEFAULT_TIMING) -> Ended:
    """Held two weeks ago and never logged and thanked for: complete, with no thanks."""
    lock(uow, relationship_id)
    row = relationships.row_of(uow, team_id, relationship_id)
    if row.state == State.COMPLETED.value and row.ended_by == Role.SYSTEM.value:
        return Ended(relationships.view_of(row), Role.SYSTEM, ())
    _still_due(uow, row, subject, Kind.CLOSE_CONVERSATION, now, timing)
    relationships.apply_move(uow, row, SYSTEM_ACTOR, Action.COMPLETE, now)
    row.ended_by = Role.SYSTEM.value
    view = relationships.commit_move(uow, row, SYSTEM_ACTOR, Action.COMPLETE, timing)
    return Ended(view, Role.SYSTEM, ())


# The transitions mentorbot makes when their nudge comes due, by action.
CLOSES = {Action.LAPSE: lapse, Action.COMPLETE: close_conversation}

"""A meeting as the rest of the app reads it, for one of the relationship's two people."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select

from bot.db import models
from bot.db.uow import UnitOfWork
from bot.domain.connection import Shared, tip_before
from bot.domain.errors import DomainError, IllegalTransition
from bot.domain.invitation import MeetingFormat
from bot.domain.meetings import MeetingPlan, MeetingStatus
from bot.domain.relationship import Role
from bot.services import relationships
from bot.services.relationships import MessageRef, RelationshipView


@dataclass(frozen=True)
class Agenda:
    topics: str
    questions: str = ""
    context: str = ""
    links: str = ""


@dataclass(frozen=True)
class MeetingView:
    id: int
    relationship: RelationshipView
    plan: MeetingPlan
    uid: str
    sequence: int
    agenda: Agenda | None = None
    status: MeetingStatus = MeetingStatus.SCHEDULED
    # The announcement DMs of its current time, each person's: updated when it changes.
    announced: tuple[MessageRef | None, MessageRef | None] = (None, None)
    # Its one booking message in the pair's conversation, when they have one.
    booking: MessageRef | None = None
    # The mentor asked for the change now pending: he knows it is coming.
    asked_by_mentor: bool = False
    # Its number among the pair's meetings not cancelled, in order of time (0: not counted).
    ordinal: int = 0
    agenda_revisions: int = 0
    # Her summary went to him already: it is shared once.
    summary_shared: bool = False

    @property
    def calendar_sequence(self) -> int:
        """The calendar event's SEQUENCE: every move, cancellation and agenda raises it."""
        return self.sequence + self.agenda_revisions

    @property
    def cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def first(self) -> bool:
        """The pair's first meeting: the one for their stories."""
        return self.ordinal == 1


def view_of(row: models.Meeting, rel: RelationshipView) -> MeetingView:
    agenda = None
    if row.agenda_sent_at is not None:
        agenda = Agenda(row.agenda_topics or "", row.agenda_questions or "",
                        row.agenda_context or "", row.agenda_links or "")
    announced = tuple(MessageRef(channel, ts) if channel and ts else None
                      for channel, ts in ((row.mentee_dm_channel, row.mentee_dm_ts),
                                          (row.mentor_dm_channel, row.mentor_dm_ts)))
    return MeetingView(row.id, rel, MeetingPlan(row.starts_at, row.minutes,
                                                MeetingFormat(row.meeting_format),
                                                row.link or "", row.place or ""),
                       row.uid, row.sequence, agenda, row.status, announced,
                       MessageRef(row.booking_channel, row.booking_ts)
                       if row.booking_channel and row.booking_ts else None,
                       row.change_requested_by == Role.MENTOR.value,
                       agenda_revisions=row.agenda_revisions or 0,
                       summary_shared=row.summary_shared_at is not None)


CANCELLED = "That meeting was cancelled, so there is nothing more to do for it."


class Moved(DomainError):
    """A button from before the meeting moved: its time is no longer the meeting's."""

    def __init__(self, meeting: MeetingView) -> None:
        super().__init__("That meeting was moved: the newer message has its buttons.")
        self.meeting = meeting


def clicked(uow: UnitOfWork, team_id: str, meeting_id: int, sequence: int | None,
            reader_id: str) -> MeetingView:
    """The meeting a button is about, if the button still speaks for it: not cancelled,
    and (when the button carries one) of the same version."""
    return still_current(get(uow, team_id, meeting_id, reader_id), sequence)


def still_current(meeting: MeetingView, sequence: int | None) -> MeetingView:
    """`meeting`, unless it was cancelled or (for a button of version `sequence`) moved."""
    if meeting.cancelled:
        raise IllegalTransition(CANCELLED)
    if sequence is not None and sequence != meeting.sequence:
        raise Moved(meeting)
    return meeting


def get(uow: UnitOfWork, team_id: str, meeting_id: int, reader_id: str) -> MeetingView:
    """The meeting, for one of the relationship's two people only."""
    row = uow.session.get(models.Meeting, meeting_id)
    if row is None or row.team_id != team_id:
        raise DomainError("I can't find that meeting any more.")
    view = view_of(row, relationships.get(uow, team_id, row.relationship_id, reader_id))
    M = models.Meeting
    earlier = uow.session.scalar(select(func.count()).select_from(M).where(
        M.relationship_id == row.relationship_id, M.id != row.id,
        M.status != MeetingStatus.CANCELLED, M.starts_at < row.starts_at))
    return replace(view, ordinal=earlier + 1)


def connection_tip(uow: UnitOfWork, meeting: MeetingView, reader_id: str) -> str | None:
    """The article's tip for her agenda of `meeting`, from her own earlier check-ins; only
    ever for the mentee, who gave them."""
    if reader_id != meeting.relationship.mentee_id:
        return None
    M = models.Meeting
    answers = uow.session.scalars(select(M.shared_something_real).where(
        M.relationship_id == meeting.relationship.id, M.status != MeetingStatus.CANCELLED,
        M.starts_at < meeting.plan.starts_at).order_by(M.starts_at)).all()
    return tip_before(meeting.ordinal, {number: Shared(answer)
                                        for number, answer in enumerate(answers, 1) if answer})

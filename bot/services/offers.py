"""Saying you are open to mentoring, pausing or withdrawing it, and finding who has room."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select

from bot.db import models
from bot.db.queries import mentoring_now
from bot.db.uow import UnitOfWork
from bot.domain.errors import DomainError
from bot.domain.invitation import MeetingFormat
from bot.domain.offers import Candidate, Offer, problems, rank
from bot.domain.relationship import OPEN_STATES


class OfferRefused(Exception):
    """The offer has problems; `errors` maps each field to what to fix."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(errors))
        self.errors = errors


def _offer(row: models.MentoringOffer) -> Offer:
    return Offer(row.topics, tuple(row.tags), row.capacity,
                 tuple(MeetingFormat(f) for f in row.formats), row.note or "",
                 row.paused_at is not None)


def load(uow: UnitOfWork, team_id: str, user_id: str) -> Offer | None:
    row = uow.session.get(models.MentoringOffer, (team_id, user_id))
    return _offer(row) if row else None


def places_taken(uow: UnitOfWork, team_id: str, user_id: str) -> int:
    return mentoring_now(uow, team_id, [user_id])[user_id]


def save(uow: UnitOfWork, team_id: str, user_id: str, offer: Offer, workspace_limit: int,
         now: datetime) -> Offer:
    """Creates or edits their offer; pausing is kept as it was."""
    found = problems(offer, places_taken(uow, team_id, user_id), workspace_limit)
    if found:
        raise OfferRefused(found)
    row = uow.session.get(models.MentoringOffer, (team_id, user_id))
    if row is None:
        row = models.MentoringOffer(team_id=team_id, user_id=user_id, created_at=now)
        uow.session.add(row)
    row.topics, row.tags, row.capacity = offer.topics.strip(), list(offer.tags), offer.capacity
    row.formats = [f.value for f in offer.formats]
    row.note = offer.note.strip() or None
    row.updated_at = now
    uow.commit()
    return _offer(row)


def pause(uow: UnitOfWork, team_id: str, user_id: str, paused: bool, now: datetime) -> Offer:
    row = _own(uow, team_id, user_id)
    row.paused_at = now if paused else None
    row.updated_at = now
    uow.commit()
    return _offer(row)


def withdraw(uow: UnitOfWork, team_id: str, user_id: str) -> None:
    uow.session.delete(_own(uow, team_id, user_id))
    uow.commit()


def _own(uow: UnitOfWork, team_id: str, user_id: str) -> models.MentoringOffer:
    row = uow.session.get(models.MentoringOffer, (team_id, user_id))
    if row is None:
        raise DomainError("You have no offer to mentor: `/mentor offer` makes one.")
    return row


def find(uow: UnitOfWork, team_id: str, seeker_id: str, searched: str, seeker_tz: str,
         now: datetime) -> list[Candidate]:
    """Up to ten people open to mentoring who have room and could take her now: not
    paused, not deactivated, not her, not already in an open relationship with her."""
    Off, P, R = models.MentoringOffer, models.Person, models.Relationship
    rows = uow.session.execute(
        select(Off, P.tz).outerjoin(P, (P.team_id == Off.team_id) & (P.user_id == Off.user_id))
        .where(Off.team_id == team_id, Off.user_id != seeker_id, Off.paused_at.is_(None),
               or_(P.deleted.is_(None), P.deleted.is_(False)))).all()
    already = set(uow.session.scalars(select(R.mentor_id).where(
        R.team_id == team_id, R.mentee_id == seeker_id,
        R.state.in_([state.value for state in OPEN_STATES]))))
    rows = [(row, tz) for row, tz in rows if row.user_id not in already]
    taken = mentoring_now(uow, team_id, [row.user_id for row, _ in rows])
    candidates = [Candidate(row.user_id, _offer(row), tz or "UTC", taken[row.user_id])
                  for row, tz in rows]
    return rank(candidates, searched, seeker_tz, now)

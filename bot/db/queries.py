"""Lookups several services need, written once."""

from __future__ import annotations

from sqlalchemy import func, or_, select

from bot.db import models
from bot.db.uow import UnitOfWork
from bot.domain.preferences import WORKSPACE_DEFAULTS, Preferences
from bot.domain.relationship import OPEN_STATES


def newest_agreement(uow: UnitOfWork, relationship_id: int) -> models.AgreementVersion | None:
    A = models.AgreementVersion
    return uow.session.scalars(select(A).where(A.relationship_id == relationship_id)
                               .order_by(A.version.desc()).limit(1)).first()


def agreed_agreement(uow: UnitOfWork, relationship_id: int) -> models.AgreementVersion | None:
    """The newest version both confirmed: the one in force, whatever is proposed after it."""
    A = models.AgreementVersion
    return uow.session.scalars(select(A).where(
        A.relationship_id == relationship_id, A.mentee_confirmed_at.is_not(None),
        A.mentor_confirmed_at.is_not(None)).order_by(A.version.desc()).limit(1)).first()


def relationships_of(uow: UnitOfWork, team_id: str, user_id: str) -> list[models.Relationship]:
    """The person's relationships, either side, newest first."""
    R = models.Relationship
    return list(uow.session.scalars(
        select(R).where(R.team_id == team_id, or_(R.mentee_id == user_id, R.mentor_id == user_id))
        .order_by(R.created_at.desc(), R.id.desc())).unique())


def preferences_of(uow: UnitOfWork, team_id: str, user_id: str) -> Preferences:
    """The person's own reminder settings (unset: the workspace's)."""
    row = uow.session.get(models.ReminderPreferences, (team_id, user_id))
    return WORKSPACE_DEFAULTS if row is None else preferences_from(row)


def preferences_from(row: models.ReminderPreferences) -> Preferences:
    return Preferences(row.quiet_start, row.quiet_end, row.quiet_weekends, row.day_before,
                       mentor_starting_soon=row.starting_soon,
                       mentee_starting_soon=row.mentee_starting_soon)


def mentoring_now(uow: UnitOfWork, team_id: str, mentor_ids: list[str]) -> dict[str, int]:
    """Each mentor's open relationships (invited, agreed, active): the places taken."""
    R = models.Relationship
    counted = uow.session.execute(
        select(R.mentor_id, func.count()).where(
            R.team_id == team_id, R.mentor_id.in_(mentor_ids),
            R.state.in_([state.value for state in OPEN_STATES])).group_by(R.mentor_id))
    return {mentor_id: 0 for mentor_id in mentor_ids} | dict(counted.all())

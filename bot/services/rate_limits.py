"""Slack's Retry-After, shared by every process through the database.

Slack limits a workspace's calls per method, whichever process makes them. A 429 tells
only the caller how long to wait; the wait is recorded here so that every dispatcher and
worker of the same workspace waits too.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from bot.db.models import RateLimitHold
from bot.db.uow import UnitOfWork


def held_until(uow: UnitOfWork, team_id: str, method: str) -> datetime | None:
    row = uow.session.get(RateLimitHold, (team_id, method))
    return row.not_before if row is not None else None


def first_release(uow: UnitOfWork, team_id: str, now: datetime) -> datetime | None:
    """When the first hold still running ends."""
    H = RateLimitHold
    return uow.session.scalar(select(func.min(H.not_before))
                              .where(H.team_id == team_id, H.not_before > now))


def hold(uow: UnitOfWork, team_id: str, method: str, until: datetime) -> None:
    """No call to `method` before `until`; a longer hold already known is kept."""
    H = RateLimitHold
    moved = uow.session.execute(
        update(H).where(H.team_id == team_id, H.method == method, H.not_before < until)
        .values(not_before=until).execution_options(synchronize_session=False))
    if moved.rowcount or uow.session.get(H, (team_id, method)) is not None:
        uow.commit()
        return
    uow.session.add(H(team_id=team_id, method=method, not_before=until))
    try:
        uow.commit()
    except IntegrityError:
        uow.session.rollback()
        hold(uow, team_id, method, until)

"""Slack's Retry-After, shared by every process through the database.

Slack limits a workspace's calls per method, whichever process makes them. A 429 tells
only the caller how long to wait; the wait is recorded here so that every dispatcher and
worker of the same workspace waits too.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError

from bot.db.models import RateLimitHold
from bot.db.uow import UnitOfWork
from bot.domain import pacing


def held_until(uow: UnitOfWork, team_id: str, method: str) -> datetime | None:
    row = uow.session.get(RateLimitHold, (team_id, method))
    return row.not_before if row is not None else None


def first_release(uow: UnitOfWork, team_id: str, now: datetime) -> datetime | None:
    """When the first hold still running ends."""
    H = RateLimitHold
    return uow.session.scalar(select(func.min(H.not_before))
                              .where(H.team_id == team_id, H.not_before > now))


class Turn(NamedTuple):
    wait: float  # seconds; 0 when the turn is taken and the call may go now
    held: bool = False  # the wait is a Retry-After's, not the spacing of calls


def take_turn(uow: UnitOfWork, team_id: str, method: str, now: datetime,
              limit: float) -> Turn:
    """Take the next turn to call `method`, or say how long to wait for one.

    Turns are spaced at the method's current rate across every process; a hold from a
    Retry-After stops them all. The turn and the hold are read in one statement, just
    before the call, so a 429 recorded by another process is seen by the next turn."""
    H = RateLimitHold
    row = uow.session.get(H, (team_id, method))
    if row is None:
        _add(uow, H(team_id=team_id, method=method, not_before=now))
        return take_turn(uow, team_id, method, now, limit)
    blocked = max(row.not_before, row.next_call or row.not_before)
    if blocked > now:
        return Turn((blocked - now).total_seconds(), held=row.not_before > now)
    rate = pacing.current_per_minute(limit, row.learned_per_minute, row.learned_at, now)
    gap = pacing.spacing(rate)
    # The next turn counts from this one's due time when it is taken a moment late (a
    # wake-up's lag would add up over a thousand calls), but from now when it is taken
    # much later: a busy process must not then call twice in close succession.
    due = row.next_call
    base = due if due is not None and now - due <= pacing.FORGIVEN_LATENESS else now
    taken = uow.session.execute(
        update(H).where(H.team_id == team_id, H.method == method, H.not_before <= now,
                        or_(H.next_call.is_(None), H.next_call <= now))
        .values(next_call=base + gap)
        .execution_options(synchronize_session=False))
    uow.commit()
    # Another process took this turn between the read and the write: wait for the next.
    return Turn(0.0 if taken.rowcount else gap.total_seconds() or 0.001)


def hold(uow: UnitOfWork, team_id: str, method: str, until: datetime, now: datetime,
         limit: float = 0.0) -> None:
    """No call to `method` before `until`; a longer hold already known is kept.

    The first 429 of a hold also cuts the method's rate: several processes told of the
    same hold cut it once."""
    H = RateLimitHold
    key = (H.team_id == team_id, H.method == method)
    row = uow.session.get(H, (team_id, method))
    if row is None:
        _add(uow, H(team_id=team_id, method=method, not_before=now))
        return hold(uow, team_id, method, until, now, limit)
    values: dict = {"not_before": until}
    if limit > 0:
        rate = pacing.current_per_minute(limit, row.learned_per_minute, row.learned_at, now)
        values.update(learned_per_minute=pacing.after_retry_after(rate), learned_at=now)
    started = uow.session.execute(
        update(H).where(*key, H.not_before <= now).values(**values)
        .execution_options(synchronize_session=False))
    if not started.rowcount:
        uow.session.execute(update(H).where(*key, H.not_before < until)
                            .values(not_before=until)
                            .execution_options(synchronize_session=False))
    uow.commit()


def _add(uow: UnitOfWork, row: RateLimitHold) -> None:
    uow.session.add(row)
    try:
        uow.commit()
    except IntegrityError:
        # Another process added the same method first: theirs is as good.
        uow.session.rollback()

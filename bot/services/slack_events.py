"""Slack's deliveries, taken once and in order.

Slack retries an event it thinks was missed, sometimes minutes later, after newer events;
applying it again would undo what came after. Each event id is recorded when first taken
(kept for `keep`), and an account change is applied only if newer than the last applied.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError

from bot.db.models import AccountChange, SlackEvent
from bot.db.uow import UnitOfWork

# Slack retries within minutes to an hour; a few days' record outlasts every retry.
KEEP_EVENTS = timedelta(days=3)


def first_delivery(uow: UnitOfWork, team_id: str, event_id: str, now: datetime,
                   keep: timedelta = KEEP_EVENTS) -> bool:
    """Record the event; False when it was taken before (a retry or a replay)."""
    uow.session.add(SlackEvent(team_id=team_id, event_id=event_id, received_at=now))
    try:
        uow.session.flush()
    except IntegrityError:
        uow.session.rollback()
        return False
    uow.session.execute(delete(SlackEvent).where(SlackEvent.received_at < now - keep))
    uow.commit()
    return True


def newer_account_change(uow: UnitOfWork, team_id: str, user_id: str, changed_at: int,
                         deleted: bool) -> bool:
    """Record this change to a person's account if it is the newest seen; False when a
    newer one was applied already, so this one must not be."""
    A = AccountChange
    moved = uow.session.execute(
        update(A).where(A.team_id == team_id, A.user_id == user_id, A.changed_at <= changed_at)
        .values(changed_at=changed_at, deleted=deleted)
        .execution_options(synchronize_session=False))
    if moved.rowcount:
        uow.commit()
        return True
    if uow.session.get(A, (team_id, user_id)) is not None:
        return False
    uow.session.add(A(team_id=team_id, user_id=user_id, changed_at=changed_at, deleted=deleted))
    try:
        uow.commit()
    except IntegrityError:
        # Another worker recorded a change for this person just now: try once more.
        uow.session.rollback()
        return newer_account_change(uow, team_id, user_id, changed_at, deleted)
    return True

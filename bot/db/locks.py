"""Serialising writers on one business key, for checks a unique index can't express."""

from __future__ import annotations

from sqlalchemy import text

from bot.db.uow import UnitOfWork


def hold_until_commit(uow: UnitOfWork, *key: str) -> None:
    """Wait for, then hold, a lock on `key` until this transaction ends.

    On PostgreSQL a transaction-scoped advisory lock; SQLite needs none, since its writers
    already run one at a time from their first statement (BEGIN IMMEDIATE)."""
    if uow.session.get_bind().dialect.name != "postgresql":
        return
    uow.session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
                        {"key": "mentorbot:" + ":".join(key)})

"""Which workspaces have the app, and which have removed it."""

from __future__ import annotations

from datetime import datetime

from bot.db.models import Workspace
from bot.db.uow import UnitOfWork


def mark_uninstalled(uow: UnitOfWork, team_id: str, now: datetime) -> None:
    row = uow.session.get(Workspace, team_id)
    if row is None:
        row = Workspace(team_id=team_id, installed_at=now)
        uow.session.add(row)
    if row.uninstalled_at is None:  # a retried event keeps the first time
        row.uninstalled_at = now
    uow.commit()


def is_uninstalled(uow: UnitOfWork, team_id: str) -> bool:
    row = uow.session.get(Workspace, team_id)
    return row is not None and row.uninstalled_at is not None

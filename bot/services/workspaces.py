"""Which workspaces have the app, and which have removed it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError

from bot.db.models import Workspace
from bot.db.uow import UnitOfWork
from bot.services import nudges


def mark_uninstalled(uow: UnitOfWork, team_id: str, now: datetime) -> None:
    # Slack may deliver the event twice at once; the second insert then loses and updates.
    for _attempt in range(2):
        row = uow.session.get(Workspace, team_id)
        if row is None:
            uow.session.add(Workspace(team_id=team_id, installed_at=now, uninstalled_at=now))
        elif row.uninstalled_at is None:  # a retried event keeps the first time
            row.uninstalled_at = now
        try:
            nudges.pause_workspace(uow, team_id, "app_uninstalled")
            uow.commit()
            return
        except IntegrityError:
            uow.session.rollback()


def is_uninstalled(uow: UnitOfWork, team_id: str) -> bool:
    row = uow.session.get(Workspace, team_id)
    return row is not None and row.uninstalled_at is not None

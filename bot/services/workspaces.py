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


def installed(uow: UnitOfWork, team_id: str | None, enterprise_id: str | None,
              org_wide: bool, now: datetime) -> None:
    """An install (or a re-install) through OAuth: the workspace, or for an org-wide
    install its organisation, is served again from now."""
    key = team_id or enterprise_id
    row = uow.session.get(Workspace, key)
    if row is None:
        row = Workspace(team_id=key, installed_at=now)
        uow.session.add(row)
    row.installed_at, row.uninstalled_at = now, None
    row.enterprise_id, row.org_install = enterprise_id, org_wide
    if org_wide:
        # Its workspaces learned so far are served again too.
        for member in uow.session.query(Workspace).filter(
                Workspace.enterprise_id == enterprise_id, Workspace.team_id != key):
            member.uninstalled_at, member.org_install = None, True
    uow.commit()


def serve_under(uow: UnitOfWork, team_id: str, enterprise_id: str, now: datetime) -> None:
    """A workspace of an organisation whose org-wide install serves it."""
    row = uow.session.get(Workspace, team_id)
    if row is None:
        uow.session.add(Workspace(team_id=team_id, installed_at=now,
                                  enterprise_id=enterprise_id, org_install=True))
    elif row.enterprise_id != enterprise_id or not row.org_install:
        row.enterprise_id, row.org_install = enterprise_id, True
    else:
        return
    try:
        uow.commit()
    except IntegrityError:  # its first two requests arrived together
        uow.session.rollback()

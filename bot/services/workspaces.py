"""Which workspaces have the app, and which have removed it."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from bot.db import models
from bot.db.models import Base, Workspace
from bot.db.uow import UnitOfWork
from bot.domain.nudges import NudgeStatus
from bot.services import nudges

UNINSTALLED = "app_uninstalled"
REFRESH_FAILED = "token_refresh_failed"


def mark_uninstalled(uow: UnitOfWork, team_id: str, now: datetime) -> None:
    # Slack may deliver the event twice at once; the second insert then loses and updates.
    for _attempt in range(2):
        row = uow.session.get(Workspace, team_id)
        if row is None:
            uow.session.add(Workspace(team_id=team_id, installed_at=now, uninstalled_at=now))
        elif row.uninstalled_at is None:  # a retried event keeps the first time
            row.uninstalled_at = now
        try:
            nudges.pause_workspace(uow, team_id, UNINSTALLED)
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
    served = [key]
    if org_wide:
        # Its workspaces learned so far are served again too.
        for member in uow.session.scalars(select(Workspace).where(
                Workspace.enterprise_id == enterprise_id, Workspace.team_id != key)):
            member.uninstalled_at, member.org_install = None, True
            served.append(member.team_id)
    # Back within the retention: what was paused for the removal goes on.
    N = models.Nudge
    uow.session.execute(update(N).where(
        N.team_id.in_(served), N.status == NudgeStatus.PAUSED,
        N.last_error.in_((UNINSTALLED, REFRESH_FAILED)))
        .values(status=NudgeStatus.PENDING, last_error=None)
        .execution_options(synchronize_session=False))
    uow.commit()


def purge(uow: UnitOfWork, team_id: str) -> int:
    """Delete everything kept for a workspace: each table's rows of this team, children
    first. Returns the rows deleted."""
    deleted = 0
    for table in reversed(Base.metadata.sorted_tables):
        if "team_id" in table.c:
            deleted += uow.session.execute(
                delete(table).where(table.c.team_id == team_id)).rowcount
    uow.commit()
    return deleted


def members(uow: UnitOfWork, key: str) -> list[str]:
    """The workspaces an uninstall of `key` removed: itself, or an organisation's."""
    found = [key]
    found += uow.session.scalars(select(Workspace.team_id).where(
        Workspace.enterprise_id == key, Workspace.org_install.is_(True),
        Workspace.team_id != key)).all()
    return found


def purge_expired(uow: UnitOfWork, now: datetime, retention_days: int) -> list[str]:
    """Workspaces removed longer ago than the retention: their data goes now."""
    expired = uow.session.scalars(select(Workspace.team_id).where(
        Workspace.uninstalled_at.is_not(None),
        Workspace.uninstalled_at <= now - timedelta(days=retention_days))).all()
    purged = []
    for key in expired:
        for team_id in members(uow, key):
            purge(uow, team_id)
            purged.append(team_id)
    return purged


def take_profile_sweep(uow: UnitOfWork, team_id: str, now: datetime,
                       every: timedelta) -> bool:
    """Whether this process sweeps the workspace's profiles now: the sweep is due, and no
    other process took it first (the next one is moved `every` ahead as it is taken)."""
    S = models.ProfileSweep
    row = uow.session.get(S, team_id)
    if row is None:
        uow.session.add(S(team_id=team_id, next_at=now + every))
        try:
            uow.commit()
        except IntegrityError:  # another process took the first sweep
            uow.session.rollback()
            return False
        return True
    taken = uow.session.execute(
        update(S).where(S.team_id == team_id, S.next_at <= now).values(next_at=now + every)
        .execution_options(synchronize_session=False))
    uow.commit()
    return taken.rowcount == 1


def sweep_again_at(uow: UnitOfWork, team_id: str, at: datetime) -> None:
    """A sweep that Slack refused is tried again at `at`, not at the next period."""
    uow.session.execute(update(models.ProfileSweep).where(
        models.ProfileSweep.team_id == team_id).values(next_at=at)
        .execution_options(synchronize_session=False))
    uow.commit()


def known_teams(uow: UnitOfWork) -> list[str]:
    """Workspaces with profiles cached, still installed: those a sweep keeps current."""
    teams = set(uow.session.scalars(select(models.Person.team_id).distinct()))
    gone = set(uow.session.scalars(select(models.Workspace.team_id).where(
        models.Workspace.uninstalled_at.is_not(None))))
    return sorted(teams - gone)


def uninstalled_among(uow: UnitOfWork, team_ids: set[str]) -> set[str]:
    """Of these workspaces, those that removed the app: one query for a batch."""
    if not team_ids:
        return set()
    return set(uow.session.scalars(select(Workspace.team_id).where(
        Workspace.team_id.in_(team_ids), Workspace.uninstalled_at.is_not(None))))

"""A workspace that leaves: mentorbot stops talking to it at once, drops its tokens, and
keeps its mentoring data only for UNINSTALL_RETENTION_DAYS."""

from __future__ import annotations

import logging

from bot.flows.deps import Deps
from bot.services import workspaces

log = logging.getLogger(__name__)


def leave(deps: Deps, team_id: str, enterprise_id: str | None, org_wide: bool,
          why: str, event_team_id: str) -> None:
    """`team_id` is the workspace, or the organisation for an org-wide install;
    `event_team_id` the workspace the event came from, whose cached token goes."""
    with deps.uow() as uow:
        workspaces.mark_uninstalled(uow, team_id, deps.now())
    if deps.installations is not None:
        # Its tokens go at once; its mentoring data waits out UNINSTALL_RETENTION_DAYS.
        deps.installations.delete_installation(
            enterprise_id=enterprise_id, team_id=None if org_wide else team_id)
        deps.installations.delete_bot(enterprise_id=enterprise_id,
                                      team_id=None if org_wide else team_id)
        deps.slack.tokens.forget(event_team_id)
    log.info("workspace %s: %s; its messages stop", team_id, why)
    if deps.settings.uninstall_retention_days == 0:
        with deps.uow() as uow:
            for member in workspaces.members(uow, team_id):
                workspaces.purge(uow, member)
        log.info("workspace %s: its data is deleted (UNINSTALL_RETENTION_DAYS=0)", team_id)

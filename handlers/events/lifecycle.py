from __future__ import annotations

import logging

from slack_bolt import BoltContext

from bot.services import workspaces
from handlers.context import deps_of

log = logging.getLogger(__name__)


def forget_workspace(event: dict, context: BoltContext) -> None:
    """The app was removed or its bot token revoked: stop talking to this workspace."""
    if event["type"] == "tokens_revoked" and not (event.get("tokens") or {}).get("bot"):
        log.info("workspace %s: only user tokens revoked; mentorbot holds none",
                 context.team_id)
        return
    deps = deps_of(context)
    org_wide = bool(context.is_enterprise_install)
    team_id = context.enterprise_id if org_wide else context.team_id
    with deps.uow() as uow:
        workspaces.mark_uninstalled(uow, team_id, deps.now())
    if deps.installations is not None:
        # Its tokens go at once; its mentoring data waits out UNINSTALL_RETENTION_DAYS.
        deps.installations.delete_installation(
            enterprise_id=context.enterprise_id, team_id=None if org_wide else team_id)
        deps.installations.delete_bot(enterprise_id=context.enterprise_id,
                                      team_id=None if org_wide else team_id)
        deps.slack.tokens.forget(context.team_id)
    log.info("workspace %s: %s; its messages stop", team_id, event["type"])
    if deps.settings.uninstall_retention_days == 0:
        with deps.uow() as uow:
            for member in workspaces.members(uow, team_id):
                workspaces.purge(uow, member)
        log.info("workspace %s: its data is deleted (UNINSTALL_RETENTION_DAYS=0)", team_id)

from __future__ import annotations

import logging

from slack_bolt import BoltContext

from bot.flows import workspaces
from handlers.context import deps_of

log = logging.getLogger(__name__)


def forget_workspace(event: dict, context: BoltContext) -> None:
    """The app was removed or its bot token revoked: stop talking to this workspace."""
    if event["type"] == "tokens_revoked" and not (event.get("tokens") or {}).get("bot"):
        log.info("workspace %s: only user tokens revoked; mentorbot holds none",
                 context.team_id)
        return
    org_wide = bool(context.is_enterprise_install)
    workspaces.leave(deps_of(context), context.enterprise_id if org_wide else context.team_id,
                     context.enterprise_id, org_wide, event["type"], context.team_id)

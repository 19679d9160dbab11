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
    with deps.uow() as uow:
        workspaces.mark_uninstalled(uow, context.team_id, deps.now())
    log.info("workspace %s: %s; its messages stop", context.team_id, event["type"])

from __future__ import annotations

from slack_bolt import BoltContext

from bot.flows.home import publish_home
from handlers.context import deps_of


def publish_on_open(event: dict, context: BoltContext) -> None:
    if event.get("tab") == "home":
        publish_home(deps_of(context), context.team_id, event["user"])

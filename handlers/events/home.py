from __future__ import annotations

from slack_bolt import BoltContext

from handlers.context import deps_of
from handlers.home import publish_home


def publish_on_open(event: dict, context: BoltContext) -> None:
    if event.get("tab") == "home":
        publish_home(deps_of(context), context.team_id, event["user"])

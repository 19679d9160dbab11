from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import invitations, readiness
from handlers.blocks.home import home_view
from handlers.context import deps_of


def publish_home(event: dict, client: WebClient, context: BoltContext) -> None:
    if event.get("tab") != "home":
        return
    deps = deps_of(context)
    user_id = event["user"]
    with deps.reader() as uow:
        rels = invitations.of_person(uow, context.team_id, user_id)
        ready = readiness.load(uow, context.team_id, user_id) is not None
    client.views_publish(user_id=user_id, view=home_view(user_id, rels, ready))

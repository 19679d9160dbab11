"""`/mentor export`, `/mentor forget` and a deactivated user: each person's own data."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.flows import personal_data
from bot.messages.personal_data import forget_prompt
from handlers.context import deps_of, slack_of
from handlers.replies import in_place_of


def send_export(context: BoltContext) -> None:
    said = personal_data.export(deps_of(context), slack_of(context), context.team_id,
                                context.user_id)
    context.respond(text=said, response_type="ephemeral")


def ask_to_forget(context: BoltContext) -> None:
    context.respond(text="Forget me?", blocks=forget_prompt(), response_type="ephemeral")


def forget_me(ack: Ack, body: dict, client: WebClient, context: BoltContext,
              respond: Respond) -> None:
    """Only ever the clicker's own data: the button carries no one's id."""
    ack()
    personal_data.forget(deps_of(context), slack_of(context), context.team_id,
                         context.user_id,
                         show=in_place_of(body, client, respond))


def follow_user_change(event: dict, body: dict, context: BoltContext) -> None:
    user = event["user"]
    personal_data.follow_account_change(
        deps_of(context), context.team_id, user,
        int(user.get("updated") or body.get("event_time") or 0))

"""Direct messages from the app to one person, and updates to them."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.services.invitations import MessageRef


def send_dm(client: WebClient, user_id: str, text: str, blocks: list[dict] | None = None
            ) -> MessageRef:
    # Posting to a user id lands in the app's Messages tab with that person.
    response = client.chat_postMessage(channel=user_id, text=text, blocks=blocks)
    return MessageRef(response["channel"], response["ts"])


def update_dm(client: WebClient, ref: MessageRef, text: str, blocks: list[dict]) -> None:
    client.chat_update(channel=ref.channel, ts=ref.ts, text=text, blocks=blocks)

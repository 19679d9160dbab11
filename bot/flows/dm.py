"""Direct messages from the app to one person, and updates to them."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.flows import pair_conversation as pair
from bot.messages import shared
from bot.messages.meetings import thanks_for_mentor
from bot.services.relationships import MessageRef, RelationshipView
from bot.wiring.container import Deps

NUDGE_EVENT = "mentorbot_nudge"


def send_dm(client: WebClient, user_id: str, text: str, blocks: list[dict] | None = None,
            *, nudge_id: int | None = None) -> MessageRef:
    # Posting to a user id lands in the app's Messages tab with that person.
    metadata = None
    if nudge_id is not None:
        # The tag lets a dispatcher that crashed after sending find the message, not resend it.
        metadata = {"event_type": NUDGE_EVENT, "event_payload": {"nudge_id": str(nudge_id)}}
    response = client.chat_postMessage(channel=user_id, text=text, blocks=blocks,
                                       metadata=metadata)
    return MessageRef(response["channel"], response["ts"])


def find_nudge(client: WebClient, user_id: str, nudge_id: int) -> MessageRef | None:
    """The DM that carried this nudge, if it went out."""
    channel = client.conversations_open(users=user_id)["channel"]["id"]
    history = client.conversations_history(channel=channel, limit=100,
                                           include_all_metadata=True)
    for message in history["messages"]:
        metadata = message.get("metadata") or {}
        if (metadata.get("event_type") == NUDGE_EVENT
                and metadata.get("event_payload", {}).get("nudge_id") == str(nudge_id)):
            return MessageRef(channel, message["ts"])
    return None


def update_dm(client: WebClient, ref: MessageRef, text: str, blocks: list[dict]) -> None:
    client.chat_update(channel=ref.channel, ts=ref.ts, text=text, blocks=blocks)


def send_thanks(client: WebClient, deps: Deps, rel: RelationshipView, thanks: str, *,
                final: bool = False) -> None:
    """The mentee's thank-you in her own words, in the pair's conversation (to the
    mentor's DM when they have none)."""
    text, blocks = shared.thanks(rel.mentee_id, thanks, final=final)
    if pair.post(client, deps, rel, text, blocks) is None:
        send_dm(client, rel.mentor_id, text, thanks_for_mentor(rel.mentee_id, thanks,
                                                               final=final))

"""Direct messages from the app to one person, and updates to them."""

from __future__ import annotations

from bot.flows import pair_conversation as pair
from bot.flows.deps import Deps
from bot.flows.port import SlackPort
from bot.messages import shared
from bot.services.relationships import MessageRef, RelationshipView

NUDGE_EVENT = "mentorbot_nudge"


def send_dm(slack: SlackPort, user_id: str, text: str, blocks: list[dict] | None = None,
            *, nudge_id: int | None = None) -> MessageRef:
    # Posting to a user id lands in the app's Messages tab with that person.
    metadata = None
    if nudge_id is not None:
        # The tag lets a dispatcher that crashed after sending find the message, not resend it.
        metadata = {"event_type": NUDGE_EVENT, "event_payload": {"nudge_id": str(nudge_id)}}
    return slack.post(user_id, text, blocks, metadata=metadata)


def find_nudge(slack: SlackPort, user_id: str, nudge_id: int) -> MessageRef | None:
    """The DM that carried this nudge, if it went out."""
    channel = slack.open_conversation(user_id)
    for message in slack.history(channel, 100):
        metadata = message.get("metadata") or {}
        if (metadata.get("event_type") == NUDGE_EVENT
                and metadata.get("event_payload", {}).get("nudge_id") == str(nudge_id)):
            return MessageRef(channel, message["ts"])
    return None


def update_dm(slack: SlackPort, ref: MessageRef, text: str, blocks: list[dict]) -> None:
    slack.update(ref, text, blocks)


def send_thanks(slack: SlackPort, deps: Deps, rel: RelationshipView, thanks: str, *,
                final: bool = False, summary: str = "") -> None:
    """The mentee's thank-you and the summary she shares, in her own words, as one message
    in the pair's conversation (to the mentor's DM when they have none)."""
    text, blocks = shared.thanks(rel.mentee_id, thanks, final=final, summary=summary)
    if pair.post(slack, deps, rel, text, blocks) is None:
        send_dm(slack, rel.mentor_id, text, blocks)

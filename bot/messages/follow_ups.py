"""The one polite follow-up a mentee sends, in her own words, to a mentor who has not
answered. It carries the invitation's own buttons, so he can answer from it."""

from __future__ import annotations

from bot.messages import ids
from bot.messages.invitation import invitation_buttons
from bot.messages.kit import context, modal, quote, section, text_input
from bot.services.relationships import RelationshipView


def follow_up_draft(rel: RelationshipView) -> str:
    """What she might say, in her own voice: hers to edit before it goes."""
    answers = ("Accept or Decline" if rel.terms.conversation
               else "Accept, Suggest changes or Decline")
    return ("I wanted to check in gently: have you had a chance to consider my mentoring "
            f"invitation? {answers}, whichever suits you, helps me plan. Thank you!")


def follow_up_modal(rel: RelationshipView, clicked: str) -> dict:
    return modal(ids.FOLLOW_UP_VIEW, "Follow up", [
        context(f"One follow-up to <@{rel.mentor_id}>, in your words; I send it once. It "
                "carries your invitation's buttons, so they can answer from it."),
        text_input(ids.FOLLOW_UP_TEXT, "Your message", initial=follow_up_draft(rel)),
    ], submit="Send", private_metadata=clicked)


def follow_up_in_her_words(rel: RelationshipView, words: str,
                           outcome: str | None = None) -> tuple[str, list[dict]]:
    """Her words, with the invitation's buttons while it waits; once answered, the answer
    in their place, as on the invitation itself."""
    text = f"A follow-up from <@{rel.mentee_id}> about their mentoring invitation"
    blocks = [section(f"*{text}*"), section(quote(words))]
    if outcome is None:
        blocks.append(invitation_buttons(rel.id, conversation=rel.terms.conversation))
    else:
        blocks.append(section(outcome))
    return text, blocks


def follow_up_sent(rel: RelationshipView) -> str:
    return (f"Sent a polite follow-up to <@{rel.mentor_id}> for you. I'll tell you as soon as "
            "they answer.")

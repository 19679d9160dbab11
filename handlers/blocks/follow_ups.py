"""The polite follow-up a mentee asks mentorbot to send to a mentor who has not answered."""

from __future__ import annotations

from bot.services.relationships import RelationshipView


def follow_up_for_mentor(rel: RelationshipView) -> str:
    return (f"<@{rel.mentee_id}> wanted to check in gently: have you had a chance to consider "
            "their mentoring invitation? Accept, Suggest changes or Decline on it, whichever "
            "suits you, helps them plan. Thank you!")


def follow_up_sent(rel: RelationshipView) -> str:
    return (f"Sent a polite follow-up to <@{rel.mentor_id}> for you. I'll tell you as soon as "
            "they answer.")

"""Block Kit for one mentoring conversation: the yes, and what may follow it."""

from __future__ import annotations

from datetime import datetime

from bot.messages import ids
from bot.messages.kit import actions, button, context, section
from bot.services.relationships import RelationshipView
from bot.support.timefmt import when


def conversation_accepted(rel: RelationshipView, book_by: datetime, tz: str
                          ) -> tuple[str, list[dict]]:
    """Her next step: there is no agreement to write, only the one session to book."""
    text = (f":tada: <@{rel.mentor_id}> said yes to "
            f"{rel.terms.summary(rel.invitation.meeting_format)}. Book it now, before "
            f"{when(book_by, tz)}: you handle the logistics.")
    return text, [section(text), actions(
        button("Book the conversation", ids.OPEN_SCHEDULE, str(rel.id), style="primary"),
        block_id="book_conversation")]


def conversation_complete(rel: RelationshipView) -> tuple[str, list[dict]]:
    """After the thanks: it is complete, and a relationship is hers to propose."""
    text = (f"Your mentoring conversation with <@{rel.mentor_id}> is complete. If it went "
            "well and you would like more, you may ask for a mentoring relationship: the "
            "composer opens with what you wrote this time, for you to make it fit.")
    return text, [section(text), actions(
        button("Propose a mentoring relationship", ids.PROPOSE_RELATIONSHIP, str(rel.id)),
        block_id="after_conversation"),
        context("Nothing is sent until you preview it and press Send.")]

"""The nudges mentorbot sends the mentee, each with the one button that does the next step."""

from __future__ import annotations

from bot.services.relationships import RelationshipView
from bot.timefmt import when
from handlers import ids
from handlers.blocks.kit import actions, button, context, section


def reply_by_check(rel: RelationshipView, tz: str) -> tuple[str, list[dict]]:
    text = (f"<@{rel.mentor_id}> hasn't answered your mentoring invitation yet; you asked for "
            f"a reply by {when(rel.reply_by_at, tz)}.")
    return text, [
        section(text + " People get busy. One short, polite follow-up often helps, and I "
                "can send it for you."),
        actions(
            button("Send a polite follow-up", ids.FOLLOW_UP, str(rel.id), style="primary"),
            button("Withdraw invitation", ids.INVITE_WITHDRAW, str(rel.id)),
            block_id="reply_by_check",
        ),
        context("If there is still no answer, the invitation expires and I'll let you know."),
    ]


def follow_up_for_mentor(rel: RelationshipView) -> str:
    return (f"<@{rel.mentee_id}> wanted to check in gently: have you had a chance to consider "
            "their mentoring invitation? Accept, Suggest changes or Decline on it, whichever "
            "suits you, helps them plan. Thank you!")


def follow_up_sent(rel: RelationshipView) -> str:
    return (f"Sent a polite follow-up to <@{rel.mentor_id}> for you. I'll tell you as soon as "
            "they answer.")

"""Messages of the invitation nudges."""

from __future__ import annotations

from bot.domain.nudges.invitation import INVITATION_EXPIRY, REPLY_BY_CHECK
from bot.domain.nudges.model import NudgeKind
from bot.messages import ids
from bot.messages.kit import actions, button, context, section
from bot.messages.nudges.inputs import Builder
from bot.services.relationships import RelationshipView
from bot.support.timefmt import when


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


def expired_for_mentee(rel: RelationshipView) -> str:
    return (f"Your invitation to <@{rel.mentor_id}> has expired without an answer. People get "
            "busy; it's not a no to you. Try again later or `/mentor invite` someone else.")


MESSAGES: dict[NudgeKind, Builder] = {
    REPLY_BY_CHECK: lambda n: reply_by_check(n.relationship, n.tz),
    INVITATION_EXPIRY: lambda n: (expired_for_mentee(n.relationship), None),
}

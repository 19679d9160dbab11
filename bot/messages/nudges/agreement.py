"""Messages of the agreement nudges."""

from __future__ import annotations

from bot.domain.nudges.agreement import (
    AGREEMENT_LAST_CALL,
    AGREEMENT_NOT_SENT,
    AGREEMENT_UNCONFIRMED,
)
from bot.domain.nudges.model import NudgeKind
from bot.domain.timeline import elapsed
from bot.messages import ids
from bot.messages.agreement import agreement_prompt
from bot.messages.kit import actions, button, section
from bot.messages.nudges.inputs import Builder, NudgeInput
from bot.services.agreements import Version
from bot.services.relationships import RelationshipView
from bot.support.timefmt import day, local_today


def agreement_nudge(rel: RelationshipView) -> tuple[str, list[dict]]:
    text = (f"Next step with <@{rel.mentor_id}>: put your expectations in writing. Clear "
            "terms now save awkward moments later.")
    return text, agreement_prompt(rel, text)


def unconfirmed_nudge(version: Version) -> tuple[str, list[dict]]:
    rel = version.relationship
    text = (f"<@{rel.mentor_id}> hasn't confirmed the agreement (version {version.version}) "
            "yet. I can send one short, polite reminder for you.")
    return text, [section(text), actions(
        button("Send a polite reminder", ids.AGREEMENT_REMIND, str(rel.id), style="primary"),
        block_id="agreement_reminder")]


def last_call(n: NudgeInput) -> tuple[str, list[dict]]:
    """Two weeks after his yes, and nothing in force: what is true now, and when it closes."""
    rel, stretch = n.relationship, n.stretch
    ago = elapsed(stretch.agreed_at or stretch.since, stretch.now)
    closes = day(local_today(stretch.lapses_at, n.tz)) if stretch.lapses_at else "next week"
    text = (f"<@{rel.mentor_id}> said yes {ago} ago, and your expectations agreement isn't "
            "confirmed yet, so your mentoring hasn't begun. Send it (or settle it with "
            f"<@{rel.mentor_id}>) before {closes}: after that I'll close it kindly, and you "
            "can invite again whenever you're ready.")
    return text, agreement_prompt(rel, text)


MESSAGES: dict[NudgeKind, Builder] = {
    AGREEMENT_NOT_SENT: lambda n: agreement_nudge(n.relationship),
    AGREEMENT_UNCONFIRMED: lambda n: unconfirmed_nudge(n.agreement),
    AGREEMENT_LAST_CALL: last_call,
}

"""Messages of the agreement nudges."""

from __future__ import annotations

from bot.domain.nudges.agreement import AGREEMENT_NOT_SENT, AGREEMENT_UNCONFIRMED
from bot.domain.nudges.model import NudgeKind
from bot.messages import ids
from bot.messages.agreement import agreement_prompt
from bot.messages.kit import actions, button, section
from bot.messages.nudges.inputs import Builder
from bot.services.agreements import Version
from bot.services.relationships import RelationshipView


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


MESSAGES: dict[NudgeKind, Builder] = {
    AGREEMENT_NOT_SENT: lambda n: agreement_nudge(n.relationship),
    AGREEMENT_UNCONFIRMED: lambda n: unconfirmed_nudge(n.agreement),
}

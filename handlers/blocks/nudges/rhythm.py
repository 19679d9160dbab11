"""Messages of the nudges that keep a relationship going."""

from __future__ import annotations

from bot.domain.nudges.model import NudgeKind
from bot.domain.nudges.rhythm import FINAL_SESSION, KEEP_RHYTHM
from bot.services.relationships import RelationshipView
from handlers import ids
from handlers.blocks.kit import actions, button, section
from handlers.blocks.nudges.inputs import Builder


def rhythm_nudge(rel: RelationshipView, final: bool) -> tuple[str, list[dict]]:
    if final:
        text = (f"Your agreed timeline with <@{rel.mentor_id}> ends in two weeks. Plan the "
                "final session: at it you either complete, or choose together to continue.")
    else:
        text = (f"It's been {rel.terms.cadence.interval} since your last "
                f"session with <@{rel.mentor_id}>, and none is scheduled. You keep the rhythm: "
                "schedule the next one.")
    buttons = [button("Schedule a meeting", ids.OPEN_SCHEDULE, str(rel.id), style="primary")]
    if final:
        buttons += [button("Complete", ids.OPEN_COMPLETE, str(rel.id)),
                    button("Propose to continue", ids.OPEN_CONTINUE, str(rel.id))]
    return text, [section(text), actions(*buttons, block_id="rhythm")]


MESSAGES: dict[NudgeKind, Builder] = {
    KEEP_RHYTHM: lambda n: rhythm_nudge(n.relationship, final=False),
    FINAL_SESSION: lambda n: rhythm_nudge(n.relationship, final=True),
}

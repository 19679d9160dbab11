"""Asking which relationship a command is about, when the person has several."""

from __future__ import annotations

from bot.messages import ids
from bot.messages.kit import button, mention, section
from bot.services.relationships import RelationshipView

# An ephemeral message stays short: the first few, and the @name way for the rest.
MAX_CHOICES = 8


def which_one(command: str, choices: list[RelationshipView], reader_id: str) -> list[dict]:
    shown = choices[:MAX_CHOICES]
    blocks = [section(f"Which mentoring relationship is `/mentor {command}` about?")]
    for rel in shown:
        other = rel.mentor_id if rel.mentee_id == reader_id else rel.mentee_id
        role = "your mentor" if rel.mentee_id == reader_id else "your mentee"
        blocks.append(section(f"{mention(other)}, {role} · {rel.state.value}",
                              accessory=button("This one", ids.CHOOSE_RELATIONSHIP,
                                               f"{command}:{rel.id}")))
    if len(choices) > len(shown):
        blocks.append(section(f"…or name them: `/mentor {command} @name`."))
    return blocks

"""Every nudge kind's message, by kind: each family's builders register theirs here."""

from __future__ import annotations

from bot.domain.nudges import NudgeKind
from bot.messages.nudges import agreement, invitation, meeting, rhythm
from bot.messages.nudges.inputs import Builder, Message, NudgeInput

MESSAGES: dict[NudgeKind, Builder] = {**invitation.MESSAGES, **agreement.MESSAGES,
                                      **meeting.MESSAGES, **rhythm.MESSAGES}

__all__ = ["MESSAGES", "Builder", "Message", "NudgeInput"]

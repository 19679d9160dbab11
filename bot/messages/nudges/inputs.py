"""What a nudge's message is built from: read by the dispatcher just before sending, as
the kind declares (`Need`), so builders stay pure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.services.agreements import Version
from bot.services.closing import Stretch
from bot.services.meetings import MeetingView
from bot.services.relationships import RelationshipView


@dataclass(frozen=True)
class NudgeInput:
    recipient_id: str
    tz: str
    relationship: RelationshipView
    meeting: MeetingView | None = None
    agreement: Version | None = None
    other_tz: str | None = None
    # The mentee's tip from her own private check-ins, for her agenda nudge.
    connection_tip: str | None = None
    stretch: Stretch | None = None


# A message: its notification text, and its blocks (None: the text alone).
Message = tuple[str, list[dict] | None]
Builder = Callable[[NudgeInput], Message]

__all__ = ["Builder", "Message", "NudgeInput", "Stretch"]

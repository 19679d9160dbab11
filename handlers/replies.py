"""Answers only the person who clicked sees."""

from __future__ import annotations

from slack_bolt import Respond

from bot.domain.errors import DomainError


def refuse(respond: Respond, refusal: DomainError) -> None:
    """Say why, to the clicker alone, and leave the message they clicked as it was."""
    respond(text=str(refusal), response_type="ephemeral", replace_original=False)

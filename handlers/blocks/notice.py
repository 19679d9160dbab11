from __future__ import annotations

from handlers.blocks.kit import modal, section

NOTICE_VIEW = "notice"


def notice_modal(title: str, text: str) -> dict:
    """A modal with nothing to submit: replaces a flow that can't go on, and says why."""
    return modal(NOTICE_VIEW, title[:24], [section(text)], close="Close")

from __future__ import annotations

from bot.messages.kit import modal, section

NOTICE_VIEW = "notice"


def notice_modal(title: str, text: str) -> dict:
    """A modal with nothing to submit: says how a flow ended, so that what a person just
    did needs no message of its own. Closing it closes the whole stack."""
    view = modal(NOTICE_VIEW, title[:24], [section(text)], close="Close")
    view["clear_on_close"] = True
    return view

"""Small helpers for the Block Kit shapes used everywhere."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from bot.domain.meetings import link_problem
from bot.messages.limits import text_limit
from bot.support.timefmt import when


def plain(text: str) -> dict:
    return {"type": "plain_text", "text": text, "emoji": True}


def mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": text}


def section(text: str, **extra) -> dict:
    return {"type": "section", "text": mrkdwn(text), **extra}


def header(text: str) -> dict:
    return {"type": "header", "text": plain(text[:150])}


def context(text: str) -> dict:
    return {"type": "context", "elements": [mrkdwn(text)]}


def divider() -> dict:
    return {"type": "divider"}


def button(text: str, action_id: str, value: str = "", style: str | None = None,
           confirm: dict | None = None) -> dict:
    element = {"type": "button", "text": plain(text), "action_id": action_id}
    if value:
        element["value"] = value
    if style:
        element["style"] = style
    if confirm:
        element["confirm"] = confirm
    return element


def confirm_dialog(title: str, text: str, yes: str, no: str = "Cancel") -> dict:
    return {"title": plain(title), "text": mrkdwn(text), "confirm": plain(yes),
            "deny": plain(no), "style": "danger"}


def actions(*elements: dict, block_id: str | None = None) -> dict:
    block = {"type": "actions", "elements": list(elements)}
    if block_id:
        block["block_id"] = block_id
    return block


def option(text: str, value: str) -> dict:
    return {"text": plain(text), "value": value}


def text_input(
    input_id: str, label: str, *, initial: str | None = None, multiline: bool = True,
    placeholder: str | None = None, hint: str | None = None, optional: bool = False,
) -> dict:
    element: dict = {"type": "plain_text_input", "action_id": input_id, "multiline": multiline,
                     "max_length": text_limit(input_id)}
    if initial:
        element["initial_value"] = initial
    if placeholder:
        element["placeholder"] = plain(placeholder)
    return _input(input_id, label, element, hint=hint, optional=optional)


def select_input(
    input_id: str, label: str, options: list[dict], initial_value: str | None, *,
    hint: str | None = None,
) -> dict:
    element: dict = {"type": "static_select", "action_id": input_id, "options": options}
    chosen = next((o for o in options if o["value"] == initial_value), None)
    if chosen:
        element["initial_option"] = chosen
    return _input(input_id, label, element, hint=hint)


def choices_input(input_id: str, label: str, options: list[dict], initial_values: list[str],
                  *, kind: str = "checkboxes", optional: bool = False,
                  hint: str | None = None) -> dict:
    """Several choices: `checkboxes` (at most ten options) or a `multi_static_select`."""
    element: dict = {"type": kind, "action_id": input_id, "options": options}
    chosen = [o for o in options if o["value"] in initial_values]
    if chosen:
        element["initial_options"] = chosen
    return _input(input_id, label, element, optional=optional, hint=hint)


def radio_input(input_id: str, label: str, options: list[dict], initial_value: str | None,
                *, optional: bool = False, hint: str | None = None) -> dict:
    element: dict = {"type": "radio_buttons", "action_id": input_id, "options": options}
    chosen = next((o for o in options if o["value"] == initial_value), None)
    if chosen:
        element["initial_option"] = chosen
    return _input(input_id, label, element, optional=optional, hint=hint)


def _input(block_id: str, label: str, element: dict, *, hint: str | None = None,
           optional: bool = False) -> dict:
    block = {"type": "input", "block_id": block_id, "label": plain(label), "element": element}
    if hint:
        block["hint"] = plain(hint)
    if optional:
        block["optional"] = True
    return block


def modal(callback_id: str, title: str, blocks: list[dict], *, submit: str | None = None,
          close: str = "Cancel", private_metadata: str = "") -> dict:
    view = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title),
        "close": plain(close),
        "blocks": blocks,
    }
    if submit:
        view["submit"] = plain(submit)
    if private_metadata:
        view["private_metadata"] = private_metadata
    return view


def mention(user_id: str) -> str:
    """A person as Slack shows them; someone forgotten at their request is not named."""
    if user_id.startswith(("U", "W")):
        return f"<@{user_id}>"
    return "_a former member_"


def escape(text: str) -> str:
    """Make a person's words inert: no surprise @channel, links or formatting tokens."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, label: str) -> str:
    """A link labelled by mentorbot, never by the sender, so what it reads as is the host it
    opens. A URL that fails the check is shown as inert text instead."""
    if link_problem(url):
        return escape(url)
    host = urlsplit(url.strip()).hostname or ""
    return f"<{escape(url.strip())}|{escape(label.format(host=host))}>"


def quote(text: str) -> str:
    """Quote a person's own words in mrkdwn, one '>' per line."""
    lines = escape(text.strip()).splitlines()
    return "\n".join(f">{line}" if line else ">" for line in lines)


def local_time(at: datetime, fallback_tz: str | None) -> str:
    """A time each reader's Slack shows in their own zone, for a message both read; a
    client that cannot render it shows the fallback, which names its zone."""
    return (f"<!date^{int(at.timestamp())}^{{date_short_pretty}} at {{time}}"
            f"|{when(at, fallback_tz)}>")

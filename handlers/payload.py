"""Read what a person submitted or clicked, as typed values.

The request's shape was checked at the edge (bot/slack/shapes.py); what is left here is what
only the modal knows: which answers it needs, how long each may be, and which values its
selects offer. A value a person can fix is a FieldErrors, shown inline; a value Slack's
client could not have sent is Malformed, answered with an empty 200.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, time
from enum import Enum
from typing import TypeVar

from bot.messages.limits import text_limit
from bot.services.relationships import MessageRef
from bot.slack.shapes import Malformed

E = TypeVar("E", bound=Enum)
__all__ = [
    "FieldErrors",
    "Form",
    "as_id",
    "clicked_id",
    "clicked_value",
    "errors_in",
    "metadata_id",
    "values",
    "view_with",
]


class FieldErrors(Exception):
    """Inline errors for a modal: block id → what to fix."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(errors))
        self.errors = errors


class Form(Mapping[str, object]):
    """action_id → value: str for text/select/radio/user/date/time, list[str] for checkboxes
    and multi-selects."""

    def __init__(self, view: dict) -> None:
        self._found: dict[str, object] = {}
        # An input's block id is usually its action id; a form that must show new text in
        # an input gives it a new block id (Slack keeps typed text while it stays).
        block_of: dict[str, str] = {}
        for block_id, block in view.get("state", {}).get("values", {}).items():
            for action_id, element in block.items():
                self._found[action_id] = _value(element)
                block_of[action_id] = block_id
        self._blocks = {block.get("block_id") for block in view.get("blocks") or []
                        if isinstance(block, dict)}
        too_long = {block_of[key]: f"Keep it under {text_limit(key):,} characters "
                                   f"(this has {len(value):,})."
                    for key, value in self._found.items()
                    if isinstance(value, str) and len(value) > text_limit(key)}
        if too_long.keys() - self._blocks:
            raise Malformed("a text longer than its field allows, in no field the modal shows")
        if too_long:
            raise FieldErrors(too_long)

    def __getitem__(self, key: str) -> object:
        found = self._found.get(key)
        if found is None or found == "" or found == []:
            raise self._missing(key)
        return found

    def get(self, key: str, default: object = None) -> object:
        return self._found.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._found

    def __iter__(self) -> Iterator[str]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)

    def text(self, key: str) -> str:
        """An optional text answer; "" when left empty."""
        found = self._found.get(key)
        return found if isinstance(found, str) else ""

    def number(self, key: str) -> int:
        return as_id(str(self[key]), key)

    def choice(self, key: str, kind: type[E]) -> E:
        try:
            return kind(self[key])
        except ValueError:
            raise Malformed(f"{key}: not one of the offered values") from None

    def optional_choice(self, key: str, kind: type[E]) -> E | None:
        """An optional choice; None when left unanswered."""
        return self.choice(key, kind) if self._found.get(key) else None

    def day(self, key: str) -> date:
        try:
            return date.fromisoformat(str(self[key]))
        except ValueError:
            raise Malformed(f"{key}: not a date") from None

    def clock(self, key: str) -> time:
        try:
            return time.fromisoformat(str(self[key]))
        except ValueError:
            raise Malformed(f"{key}: not a time of day") from None

    def _missing(self, key: str) -> Exception:
        # A field the modal shows can take an inline error; one it never had cannot.
        if key in self._blocks:
            return FieldErrors({key: "This one is needed."})
        return Malformed(f"{key}: missing")


def values(view: dict) -> Form:
    return Form(view)


def metadata_id(view: dict) -> int:
    return as_id(view.get("private_metadata") or "", "private_metadata")


def clicked_value(body: dict) -> str:
    return body["actions"][0].get("value") or ""


def clicked_id(body: dict) -> int:
    return as_id(clicked_value(body), "button value")


def _value(element: dict) -> object:
    kind = element.get("type")
    if kind in ("checkboxes", "multi_static_select"):
        return [o["value"] for o in element.get("selected_options") or []]
    if kind in ("static_select", "radio_buttons"):
        chosen = element.get("selected_option")
        return chosen["value"] if chosen else None
    if kind == "users_select":
        return element.get("selected_user")
    if kind == "datepicker":
        return element.get("selected_date")
    if kind == "timepicker":
        return element.get("selected_time")
    return (element.get("value") or "").strip()


def clicked_message(body: dict) -> MessageRef | None:
    """The message a button sat on, to update in place; None on a Home or an ephemeral."""
    container = body.get("container", {})
    if container.get("type") != "message" or container.get("is_ephemeral"):
        return None
    return MessageRef(container["channel_id"], container["message_ts"])


def as_id(text: str, what: str = "id") -> int:
    """A database id or small number carried in a payload (button value, metadata)."""
    if not text.isascii() or not text.isdigit() or len(text) > 12:
        raise Malformed(f"{what}: not a number")
    return int(text)


def read_answer_context(metadata: str) -> tuple[int, MessageRef | None]:
    relationship_id, _, where = metadata.partition("|")
    channel, _, ts = where.partition("|")
    return as_id(relationship_id, "private_metadata"), (
        MessageRef(channel, ts) if channel and ts else None)


# What views.update (or a response_action update) takes of a view Slack sent: the rest
# (id, state, hash...) is Slack's.
VIEW_KEYS = ("type", "callback_id", "title", "submit", "close", "private_metadata",
             "clear_on_close", "notify_on_close", "external_id")


def view_with(view: dict, blocks: list[dict]) -> dict:
    """The view Slack sent, to send back with `blocks` instead of its own."""
    return {key: view[key] for key in VIEW_KEYS if key in view} | {"blocks": blocks}


def errors_in(view: dict, errors: dict[str, str]) -> dict[str, str]:
    """Inline errors named by input (action id), named instead by the block each input is
    in now: a form that moved an input to a new block id still shows them under it."""
    block_of = {block["element"]["action_id"]: block["block_id"]
                for block in view.get("blocks", []) if block.get("type") == "input"}
    return {block_of.get(field, field): problem for field, problem in errors.items()}

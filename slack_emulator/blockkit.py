"""Block Kit limits, checked with slack_sdk's own models plus the limits they leave out."""

from __future__ import annotations

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

MESSAGE_BLOCK_LIMIT = 50
VIEW_BLOCK_LIMIT = 100
MESSAGE_TEXT_LIMIT = 40_000
HEADER_TEXT_LIMIT = 150
BUTTON_TEXT_LIMIT = 75
ERROR_TEXT_LIMIT = 2_000


def _walk_elements(block: dict):
    if "element" in block:
        yield block["element"]
    if "accessory" in block:
        yield block["accessory"]
    yield from block.get("elements", [])


def _check_blocks(blocks: list, limit: int) -> list[str]:
    problems: list[str] = []
    if not isinstance(blocks, list):
        return ["blocks must be a list"]
    if len(blocks) > limit:
        problems.append(f"{len(blocks)} blocks, over the limit of {limit}")
    block_ids: set[str] = set()
    for index, raw in enumerate(blocks):
        try:
            Block.parse(raw).validate_json()
        except (SlackObjectFormationError, KeyError, TypeError, AttributeError) as error:
            problems.append(f"block {index}: {error}")
            continue
        if raw.get("type") == "header" and len(raw["text"]["text"]) > HEADER_TEXT_LIMIT:
            problems.append(f"block {index}: header text over {HEADER_TEXT_LIMIT}")
        block_id = raw.get("block_id")
        if block_id:
            if block_id in block_ids:
                problems.append(f"block {index}: duplicate block_id {block_id}")
            block_ids.add(block_id)
        action_ids: set[str] = set()  # Slack wants them unique within their block
        for element in _walk_elements(raw):
            if not isinstance(element, dict):
                continue
            action_id = element.get("action_id")
            if action_id:
                if action_id in action_ids:
                    problems.append(f"block {index}: duplicate action_id {action_id}")
                action_ids.add(action_id)
            if element.get("type") == "button" and len(element["text"]["text"]) > BUTTON_TEXT_LIMIT:
                problems.append(f"block {index}: button text over {BUTTON_TEXT_LIMIT}")
    return problems


def message_problems(params: dict) -> list[str]:
    text, blocks = params.get("text"), params.get("blocks")
    problems: list[str] = []
    if not text and not blocks:
        problems.append("no_text")
    if text and len(text) > MESSAGE_TEXT_LIMIT:
        problems.append("msg_too_long")
    if blocks:
        problems += _check_blocks(blocks, MESSAGE_BLOCK_LIMIT)
    return problems


def view_problems(view: dict) -> list[str]:
    if not isinstance(view, dict):
        return ["view must be an object"]
    try:
        View(**view).validate_json()
    except (SlackObjectFormationError, TypeError, KeyError) as error:
        return [f"view: {error}"]
    problems = _check_blocks(view.get("blocks", []), VIEW_BLOCK_LIMIT)
    if view.get("type") == "modal":
        for button in ("title", "submit", "close"):
            if button in view and len(view[button]["text"]) > 24:
                problems.append(f"{button} over 24 characters")
        has_input = any(b.get("type") == "input" for b in view.get("blocks", []))
        if has_input and "submit" not in view:
            problems.append("a modal with inputs needs a submit button")
    return problems


def errors_problems(errors: dict, view: dict) -> list[str]:
    """response_action: errors must name input blocks of the submitted view."""
    inputs = {b.get("block_id") for b in view.get("blocks", []) if b.get("type") == "input"}
    problems = [f"errors names {key!r}, not an input block" for key in errors if key not in inputs]
    problems += [f"error text for {key!r} too long" for key, text in errors.items()
                 if len(text) > ERROR_TEXT_LIMIT]
    return problems

"""Read a submitted modal's values, whatever the element type."""

from __future__ import annotations


def values(view: dict) -> dict[str, object]:
    """action_id → value: str for text/select/radio/user/date, list[str] for checkboxes."""
    found: dict[str, object] = {}
    for block in view.get("state", {}).get("values", {}).values():
        for action_id, element in block.items():
            found[action_id] = _value(element)
    return found


def _value(element: dict) -> object:
    kind = element.get("type")
    if kind == "checkboxes":
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

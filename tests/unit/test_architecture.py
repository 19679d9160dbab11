"""The rooms of the house and what each may import (ARCHITECTURE.md), and the shape a
listener keeps: parse, call one flow, answer."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Room → module prefixes it must not import. Read from the bottom up: each room may use
# the rooms listed before it, never those after.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    # Pure rules: no Slack, no SQL, no services or wiring.
    "bot/domain": ("slack_sdk", "slack_bolt", "sqlalchemy", "alembic", "handlers",
                   "scheduler", "bot.db", "bot.services", "bot.wiring", "bot.slack",
                   "bot.flows", "bot.messages"),
    # Storage knows the domain's types, nothing above it.
    "bot/db": ("slack_sdk", "slack_bolt", "handlers", "scheduler", "bot.services",
               "bot.flows", "bot.messages", "bot.wiring"),
    # Use cases over the database: no Slack at all, no Bolt, nothing above them.
    "bot/services": ("slack_bolt", "handlers", "scheduler", "bot.wiring", "bot.flows",
                     "bot.messages"),
    # Block Kit builders: data in, dicts out; no Slack calls, no database, no flows.
    "bot/messages": ("slack_sdk", "slack_bolt", "sqlalchemy", "handlers", "scheduler",
                     "bot.db", "bot.flows", "bot.wiring", "bot.slack.web_port"),
    # What follows a committed change: Slack only through the port, never Bolt or a
    # listener, and never the composition root.
    "bot/flows": ("slack_bolt", "handlers", "scheduler", "bot.wiring"),
    # Listeners and the dispatcher both call flows; neither reaches into the other.
    "handlers": ("scheduler", "bot.wiring"),
    "scheduler": ("handlers", "slack_bolt", "bot.wiring"),
}
# Exceptions by name: slack_sdk's OAuth tables are schema, defined where the schema is;
# a flow may recognise Slack's refusals (slack_sdk's error class) to fall back.
ALLOWED: dict[str, tuple[str, ...]] = {
    "bot/db": ("slack_sdk.oauth.installation_store.sqlalchemy",
               "slack_sdk.oauth.state_store.sqlalchemy"),
}
# Only the composition root wires listeners and the scheduler into the app.
COMPOSITION_ROOT = "bot/wiring"
# What a listener may open itself: the middleware that takes each event once.
MAX_TRANSACTIONS_IN_HANDLERS = 6
LISTENER_ARGS = {"ack", "body", "view", "event", "command"}
LONG_LISTENERS_ALLOWED = {"handlers/commands/mentor.py:handle_mentor"}  # the switch


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def modules(room: str) -> list[Path]:
    return sorted((ROOT / room).rglob("*.py"))


@pytest.mark.parametrize("room", FORBIDDEN)
def test_each_room_imports_only_what_it_may(room):
    broken = sorted({f"{path.relative_to(ROOT)} imports {name}"
                     for path in modules(room) for name in imported(path)
                     if name.startswith(FORBIDDEN[room])
                     and not name.startswith(ALLOWED.get(room, ()) or ("\0",))})
    assert broken == []


def test_only_the_composition_root_imports_handlers_and_the_scheduler():
    outside = [path for path in modules("bot")
               if not str(path.relative_to(ROOT)).startswith(COMPOSITION_ROOT)]
    broken = [f"{path.relative_to(ROOT)} imports {name}"
              for path in outside for name in imported(path)
              if name.split(".")[0] in ("handlers", "scheduler")]
    assert broken == []


def test_no_product_module_is_over_300_lines():
    long = [f"{path.relative_to(ROOT)}: {n}" for room in ("bot", "handlers", "scheduler")
            for path in modules(room)
            if (n := len(path.read_text().splitlines())) > 300]
    assert long == []


def test_listeners_leave_transactions_to_the_flows():
    opened = [f"{path.relative_to(ROOT)}:{n}" for path in modules("handlers")
              for n, line in enumerate(path.read_text().splitlines(), 1)
              if re.search(r"with deps\.(uow|reader)\(\)", line)]
    assert len(opened) <= MAX_TRANSACTIONS_IN_HANDLERS, opened


def test_each_listener_is_short():
    long = []
    for path in modules("handlers"):
        for node in ast.parse(path.read_text()).body:
            name = f"{path.relative_to(ROOT)}:{getattr(node, 'name', '')}"
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_") \
                    and {a.arg for a in node.args.args} & LISTENER_ARGS \
                    and node.end_lineno - node.lineno + 1 >= 20 \
                    and name not in LONG_LISTENERS_ALLOWED:
                long.append(name)
    assert long == []


def test_the_dispatcher_reports_outcomes_as_the_enum_never_as_bare_strings():
    for path in modules("scheduler"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant):
                assert not isinstance(node.value.value, str), f"{path.name}: {node.lineno}"

"""The rooms of the house and what each may import (README, "How it is built")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Room → module prefixes it must not import.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    # Pure rules: no Slack, no SQL, no services or wiring.
    "bot/domain": ("slack_sdk", "slack_bolt", "sqlalchemy", "alembic", "handlers",
                   "scheduler", "bot.db", "bot.services", "bot.wiring", "bot.slack"),
    # Storage knows the domain's types, nothing above it.
    "bot/db": ("slack_sdk", "slack_bolt", "handlers", "scheduler", "bot.services"),
    # Use cases: SQL and the domain; Slack only through an injected client, never Bolt.
    "bot/services": ("slack_bolt", "handlers", "scheduler", "bot.wiring.container"),
    # Listeners and builders never reach into the dispatcher.
    "handlers": ("scheduler",),
}
# Exceptions by name: slack_sdk's OAuth tables are schema, defined where the schema is.
ALLOWED: dict[str, tuple[str, ...]] = {
    "bot/db": ("slack_sdk.oauth.installation_store.sqlalchemy",
               "slack_sdk.oauth.state_store.sqlalchemy"),
}
# Only the composition root wires listeners and the scheduler into the app.
COMPOSITION_ROOT = {"bot/wiring/app.py", "bot/wiring/cli.py"}


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def modules(room: str) -> list[Path]:
    return sorted((ROOT / room).rglob("*.py"))


@pytest.mark.parametrize("room", FORBIDDEN)
def test_each_room_imports_only_what_it_may(room):
    broken = [f"{path.relative_to(ROOT)} imports {name}"
              for path in modules(room) for name in imported(path)
              if name.startswith(FORBIDDEN[room]) and name not in ALLOWED.get(room, ())]
    assert broken == []


def test_only_the_composition_root_imports_handlers_and_the_scheduler():
    outside = [path for path in modules("bot")
               if str(path.relative_to(ROOT)) not in COMPOSITION_ROOT]
    broken = [f"{path.relative_to(ROOT)} imports {name}"
              for path in outside for name in imported(path)
              if name.split(".")[0] in ("handlers", "scheduler")]
    assert broken == []


def test_no_product_module_is_over_about_300_lines():
    long = [f"{path.relative_to(ROOT)}: {n}" for room in ("bot", "handlers", "scheduler")
            for path in modules(room)
            if (n := len(path.read_text().splitlines())) > 320]
    assert long == []

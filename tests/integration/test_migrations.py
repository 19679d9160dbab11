"""Upgrades without downtime: each revision only adds what the release before it can live
with (the servers still running it read and write the same tables while they roll), and
drops only what it declares as a contraction, one release after the code stopped reading
it. Checked by walking every revision in order on a real database."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

import migrations
from bot.db.migrate import alembic_config
from bot.db.models import Base

# Written before the rule, and released: 0001 builds the schema; the others are listed
# so that the rule holds from here on. Anything new must pass it.
BEFORE_THE_RULE = {"0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009",
                   "0010", "0011", "0012", "0013", "0014", "0015"}


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def contracts_of(revision: str) -> frozenset[str]:
    [path] = Path(migrations.__file__).parent.glob(f"versions/{revision}_*.py")
    spec = importlib.util.spec_from_file_location(f"revision_{revision}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, "CONTRACTS", frozenset())


def schema(engine) -> dict[str, dict]:
    found = inspect(engine)
    return {f"{table}.{column['name']}": column for table in found.get_table_names()
            for column in found.get_columns(table) if table != "alembic_version"}


def test_each_revision_only_expands_unless_it_declares_a_contraction(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'walk.db'}")
    config = alembic_config()
    before: dict[str, dict] = {}
    for revision in revisions():
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
        after = schema(engine)
        if revision not in BEFORE_THE_RULE:
            dropped = set(before) - set(after)
            assert dropped <= contracts_of(revision), (revision, dropped)
            tables_before = {name.split(".")[0] for name in before}
            for name in set(after) - set(before):
                column = after[name]
                if name.split(".")[0] in tables_before:
                    # The release before inserts rows without it.
                    assert column["nullable"] or column["default"] is not None, (revision,
                                                                                  name)
        before = after
    engine.dispose()


def test_a_contraction_drops_only_what_the_code_no_longer_reads():
    modelled = {f"{table.name}.{column.name}" for table in Base.metadata.sorted_tables
                for column in table.columns}
    for revision in revisions():
        assert not contracts_of(revision) & modelled, revision

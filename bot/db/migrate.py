"""Bring a database to the newest alembic revision."""

from __future__ import annotations

import logging
from pathlib import Path

# Alembic announces each of its plugins at INFO; an operator needs only the revisions.
logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)

from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from sqlalchemy import Engine, text  # noqa: E402

import migrations  # noqa: E402

# Any fixed number works; it only has to be the same in every replica.
_PG_MIGRATION_LOCK = 7_130_001


def alembic_config() -> Config:
    """Found through the installed `migrations` package, not the working directory, so
    `mentorbot migrate` works from a wheel as from a clone."""
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    return config


def upgrade_to_head(engine: Engine) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Replicas starting together must not race through the same revisions.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _PG_MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class SchemaMismatch(Exception):
    """The database is at a revision this code cannot serve; the message says what to do."""


def _floor(connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("schema_floor"):
        return None
    return connection.execute(text("SELECT revision FROM schema_floor")).scalar()


def check_schema(engine: Engine, *, behind_is_fine: bool, newer_is_fine: bool = False) -> bool:
    """Refuse a schema newer than this code knows, unless its floor says this code reads
    nothing dropped since (a contraction that dropped what it reads: running it could
    lose data), and, unless `behind_is_fine`, one not yet migrated. With `newer_is_fine`
    (a process starting, not `migrate`), returns True for a newer schema it may run on."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    head = scripts.get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        floor = _floor(connection) if current is not None else None
    known = {script.revision for script in scripts.walk_revisions()}
    if current is not None and current not in known:
        # Every migration since only expanded, or dropped what this code no longer reads:
        # a rolling upgrade's (or a rollback's) older release may run on it.
        if newer_is_fine and floor in known:
            return True
        raise SchemaMismatch(
            f"the database schema is at revision {current}, newer than this mentorbot knows "
            f"(its newest is {head}): run the release that migrated it, or a newer one.")
    if current != head and not behind_is_fine:
        raise SchemaMismatch(
            f"the database schema is at revision {current or 'none'}, and this mentorbot "
            f"needs {head}: run `mentorbot migrate` first (MIGRATE_ON_START is off).")
    return False

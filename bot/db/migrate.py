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

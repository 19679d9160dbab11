"""Alembic environment: runs against the connection mentorbot hands over, or DATABASE_URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from bot.db.models import Base

target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from bot.support.settings import load_settings

    engine = create_engine(load_settings().database_url)
    with engine.connect() as fresh:
        _run(fresh)


if context.is_offline_mode():
    raise SystemExit("Offline migrations are not supported; run `mentorbot migrate`.")
run_migrations_online()

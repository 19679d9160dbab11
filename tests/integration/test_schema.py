"""The migrations and the models describe the same schema, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.db.models import Base


def test_migrations_reach_exactly_the_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_migrating_twice_changes_nothing(engine):
    from bot.db.migrate import upgrade_to_head

    upgrade_to_head(engine)
    upgrade_to_head(engine)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == "0008"

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
    from alembic.script import ScriptDirectory

    from bot.db.migrate import alembic_config, upgrade_to_head

    upgrade_to_head(engine)
    upgrade_to_head(engine)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head == "0009"

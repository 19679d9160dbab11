"""The migrations and the models describe the same schema, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

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
        assert MigrationContext.configure(connection).get_current_revision() == head == "0031"


def test_final_session_nudges_are_rekeyed_by_their_end_date(tmp_path):
    """0010: a final-session nudge stored under the old key keeps its identity, so one
    already sent is not planned and sent again."""
    from alembic import command
    from sqlalchemy import create_engine, text

    from bot.db.migrate import alembic_config, upgrade_to_head

    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0009")
        connection.execute(text(
            "INSERT INTO relationships (id, team_id, mentee_id, mentor_id, state, version, "
            "cadence, minutes, months, meeting_format, late_changes_mentee, "
            "late_changes_mentor, created_at, active_at) VALUES (1, 'T', 'U1', 'U2', "
            "'active', 1, 'biweekly', 45, 6, 'video', 0, 0, '2027-01-04 09:00:00.000000', "
            "'2027-01-04 09:00:00.000000')"))
        connection.execute(text(
            "INSERT INTO nudges (team_id, relationship_id, subject, kind, recipient_id, "
            "status, due_at, available_at, attempts) VALUES ('T', 1, 'timeline', "
            "'final_session', 'U1', 'sent', '2027-06-21 09:00:00', '2027-06-21 09:00:00', 1)"))
    upgrade_to_head(engine)
    with engine.connect() as connection:
        subject = connection.scalar(text("SELECT subject FROM nudges"))
    # 6 months x 30.44 days = 183 days after 4 January 2027.
    assert subject == "timeline:2027-07-06"
    engine.dispose()


def test_behind_pgbouncer_no_statement_is_ever_prepared(engine):
    """Transaction pooling hands each transaction any server connection: a statement
    prepared on one is unknown on the next, so none may be prepared."""
    if engine.dialect.name != "postgresql":
        pytest.skip("prepared statements are psycopg's, on PostgreSQL")
    from bot.db.engine import make_engine

    bouncing = make_engine(engine.url.render_as_string(hide_password=False), pgbouncer=True)
    try:
        with bouncing.connect() as connection:
            for _ in range(10):  # psycopg prepares from the fifth use by default
                connection.execute(text("SELECT 1 WHERE 1 = :one"), {"one": 1})
            assert connection.connection.dbapi_connection.prepare_threshold is None
            prepared = connection.execute(text("SELECT count(*) FROM pg_prepared_statements"))
            assert prepared.scalar() == 0
    finally:
        bouncing.dispose()

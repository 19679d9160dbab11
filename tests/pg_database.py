"""A PostgreSQL database of the test run's own: created at the start, dropped at the end.

Runs share a machine (two developers, or CI beside one): a fixed database whose schema
each run drops would let one run pull the tables from under another.
"""

from __future__ import annotations

import os
import secrets

from sqlalchemy import create_engine, make_url, text


def create_run_database(server_url: str) -> str:
    """A new, empty database on the server of `server_url`; returns its URL."""
    name = f"mentorbot_test_{os.getpid()}_{secrets.token_hex(4)}"
    _on_server(server_url, f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_run_database(server_url: str, url: str) -> None:
    name = make_url(url).database
    assert name and name.startswith("mentorbot_test_"), name  # never anything else
    # A server a failed test left behind may still hold connections.
    _on_server(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _on_server(server_url: str, statement: str) -> None:
    # CREATE and DROP DATABASE refuse to run inside a transaction.
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()

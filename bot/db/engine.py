"""Engines and session factories, tuned per database."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str, pool_size: int = 8, *, pgbouncer: bool = False) -> Engine:
    """`pool_size` should match the threads that use the database at once; a thread
    waiting for a pooled connection is a request waiting for nothing.

    `pgbouncer`: behind PgBouncer's transaction pooling, where each transaction may get
    another server connection, so a statement psycopg prepared on one is unknown on the
    next. psycopg 3 prepares a statement after its fifth use; this turns that off."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=pool_size,
            max_overflow=4,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    connect_args = {"prepare_threshold": None} if pgbouncer else {}
    return create_engine(url, pool_pre_ping=True, pool_size=pool_size, max_overflow=4,
                         connect_args=connect_args)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets the web threads read while the scheduler writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


READ_ONLY = "mentorbot_read_only"


def _sqlite_begin_immediate(connection) -> None:
    if connection.get_execution_options().get(READ_ONLY):
        # Readers never block in WAL mode, so they need no lock.
        connection.exec_driver_sql("BEGIN")
        return
    # Take the write lock up front: a deferred transaction that reads and then writes
    # fails outright ("database is locked") when another writer got in between.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_session_factory(engine: Engine, *, read_only: bool = False) -> sessionmaker[Session]:
    bind = engine.execution_options(**{READ_ONLY: True}) if read_only else engine
    return sessionmaker(bind, expire_on_commit=False)


def database_reachable(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False

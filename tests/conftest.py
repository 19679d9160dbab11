"""Shared fixtures: a database, the Slack emulator, the real `mentorbot serve`, a driver."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from bot.db.engine import make_engine
from bot.db.migrate import upgrade_to_head
from bot.db.models import Base
from slack_emulator import SlackDriver, SlackEmulator, app_process
from slack_emulator.app_process import (
    SIGNING_SECRET,
    RunningServer,
    Timeline,
    free_port,
    mentorbot_command,
    start_clocked_mentorbot,
    start_mentorbot,
)
from tests.calendars import ics_problems
from tests.pg_database import create_run_database, drop_run_database
from tests.seed import wipe_postgres_schema

__all__ = ["RunningServer", "free_port", "mentorbot_command"]

TEAM = "T0MENTOR"
MENTEE, MENTOR, OTHER = "UMENTEE01", "UMENTOR01", "UOTHER001"

PEOPLE = [
    # id, name, options
    (MENTEE, "Ana", {"tz": "Europe/Berlin"}),
    (MENTOR, "Ben", {"tz": "America/Los_Angeles"}),
    (OTHER, "Cleo", {"tz": "Asia/Tokyo"}),
    ("UMENTOR02", "Dev", {"tz": "Asia/Kolkata"}),
    ("UMENTEE02", "Eli", {"tz": "UTC"}),
    ("UMENTEE03", "Fay", {"tz": "UTC"}),
    ("UMENTEE04", "Gus", {"tz": "UTC"}),
    ("UWORKFLOW", "Reminder Bot", {"is_bot": True}),
    ("UADMIN001", "Lia", {"tz": "Europe/London", "is_admin": True}),
    ("UGONE0001", "Hal", {"deleted": True}),
    ("UFOREIGN1", "Ivy", {"team_id": "T0OTHER"}),
    # Used by one test each: the server remembers profiles it has looked up.
    ("UFRESH001", "Jo", {"tz": "Australia/Sydney"}),
    ("UFRESH002", "Kai", {"tz": "America/Sao_Paulo"}),
    ("UFRESH003", "Max", {"tz": "Europe/Madrid"}),
]


def postgres_url() -> str | None:
    """A database named for this run (TEST_DATABASE_URL), else a server to make one on."""
    return (os.environ.get("TEST_DATABASE_URL") or os.environ.get("TEST_PG_SERVER_URL")
            or None)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> Iterator[str]:
    named = os.environ.get("TEST_DATABASE_URL")
    server = os.environ.get("TEST_PG_SERVER_URL")
    if named:
        wipe_postgres_schema(named)
        yield named
    elif server:
        url = create_run_database(server)
        yield url
        drop_run_database(server, url)
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'mentorbot-test.db'}"


@pytest.fixture(scope="session")
def engine(database_url) -> Iterator[Engine]:
    engine = make_engine(database_url)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def emulator() -> Iterator[SlackEmulator]:
    emulator = SlackEmulator(team_id=TEAM).start()
    for user_id, name, options in PEOPLE:
        emulator.add_user(user_id, name, **options)
    yield emulator
    emulator.stop()


def _clean(engine: Engine) -> None:
    tables = list(reversed(Base.metadata.sorted_tables))
    if engine.dialect.name != "postgresql":
        with engine.begin() as connection:
            for table in tables:
                connection.execute(table.delete())
        return
    names = ", ".join(t.name for t in tables)
    # A server may still be refreshing someone's App Home from the previous test; its reads
    # can deadlock with TRUNCATE's table locks, and PostgreSQL then cancels one side.
    for attempt in range(5):
        try:
            with engine.begin() as connection:
                connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            return
        except OperationalError:
            if attempt == 4:
                raise
            time.sleep(0.2)


@pytest.fixture
def clean_db(engine) -> Engine:
    _clean(engine)
    return engine


def server_env(emulator: SlackEmulator, database_url: str, port: int, **extra: str) -> dict:
    return app_process.server_env(emulator.api_url, emulator.token, database_url, port, **extra)


@pytest.fixture(scope="session")
def server(emulator, database_url, engine, tmp_path_factory) -> Iterator[RunningServer]:
    running = start_mentorbot(emulator.api_url, emulator.token, database_url,
                              tmp_path_factory.mktemp("serve"))
    yield running
    running.stop()


@pytest.fixture
def slack(server, emulator, clean_db) -> Iterator[SlackDriver]:
    """A driver against the running app, with a fresh emulator record and an empty database."""
    emulator.reset()
    driver = SlackDriver(server.url, SIGNING_SECRET, emulator)
    yield driver
    driver.settle()
    invalid = emulator.invalid_calls()
    assert not invalid, f"Slack would reject: {[(c.method, c.problems) for c in invalid]}"
    assert ics_problems(list(emulator.files.values())) == []


# Where the virtual clock of `clocked` starts; tests move it where they need it.
VIRTUAL_EPOCH = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def clocked_server(emulator, database_url, engine, tmp_path_factory):
    running, timeline = start_clocked_mentorbot(emulator.api_url, emulator.token, database_url,
                                                tmp_path_factory.mktemp("clocked"),
                                                VIRTUAL_EPOCH)
    yield running, timeline
    running.stop()


@pytest.fixture
def clocked(clocked_server, emulator, clean_db) -> Iterator[tuple[SlackDriver, Timeline]]:
    """Like `slack`, against a server whose "now" is the returned timeline's virtual clock."""
    running, timeline = clocked_server
    emulator.reset()
    timeline.move_to(VIRTUAL_EPOCH)
    driver = SlackDriver(running.url, SIGNING_SECRET, emulator)
    yield driver, timeline
    driver.settle()
    invalid = emulator.invalid_calls()
    assert not invalid, f"Slack would reject: {[(c.method, c.problems) for c in invalid]}"
    assert ics_problems(list(emulator.files.values())) == []


def pytest_report_header(config) -> str:
    url = postgres_url()
    return f"database: {'PostgreSQL ' + url if url else 'SQLite'}"


def pytest_sessionfinish(session, exitstatus) -> None:
    """Whatever failed, no process a test started outlives the run (a server left behind
    would go on dispatching against the test database)."""
    from tests.leftovers import stop_all

    left = stop_all(os.getpid())
    if left:
        print(f"\nstopped {len(left)} process(es) the tests left running: {left}")

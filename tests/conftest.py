"""Shared fixtures: a database, the Slack emulator, the real `mentorbot serve`, a driver."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from bot.db.engine import make_engine
from bot.db.migrate import upgrade_to_head
from bot.db.models import Base
from tests.slack_emulator import SlackDriver, SlackEmulator

SIGNING_SECRET = "test-signing-secret-0123456789abcdef"
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
    ("UGONE0001", "Hal", {"deleted": True}),
    ("UFOREIGN1", "Ivy", {"team_id": "T0OTHER"}),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = postgres_url()
    if url is None:
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'mentorbot-test.db'}"
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


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
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(t.name for t in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())


@pytest.fixture
def clean_db(engine) -> Engine:
    _clean(engine)
    return engine


def mentorbot_command() -> list[str]:
    script = Path(sys.executable).with_name("mentorbot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


def server_env(emulator: SlackEmulator, database_url: str, port: int, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_"))}
    env.update(
        SLACK_BOT_TOKEN=emulator.token,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=emulator.api_url,
        DATABASE_URL=database_url,
        PORT=str(port),
        # The scheduler is driven explicitly by `run-due` in tests.
        SCHEDULER_TICK_SECONDS="3600",
        LOG_LEVEL="INFO",
    )
    env.update(extra)
    return env


class RunningServer:
    def __init__(self, process: subprocess.Popen, port: int, log_path: Path) -> None:
        self.process, self.port, self.log_path = process, port, log_path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start_server(emulator: SlackEmulator, database_url: str, workdir: Path,
                 **extra: str) -> RunningServer:
    port = free_port()
    log_path = workdir / f"serve-{port}.log"
    process = subprocess.Popen(
        [*mentorbot_command(), "serve"], cwd=workdir,
        env=server_env(emulator, database_url, port, **extra),
        stdout=log_path.open("w"), stderr=subprocess.STDOUT,
    )
    server = RunningServer(process, port, log_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"mentorbot serve exited:\n{server.log()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return server
        except OSError:
            time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"mentorbot serve did not become healthy:\n{server.log()}")


@pytest.fixture(scope="session")
def server(emulator, database_url, engine, tmp_path_factory) -> Iterator[RunningServer]:
    running = start_server(emulator, database_url, tmp_path_factory.mktemp("serve"))
    yield running
    running.stop()


@pytest.fixture
def slack(server, emulator, clean_db) -> Iterator[SlackDriver]:
    """A driver against the running app, with a fresh emulator record and an empty database."""
    emulator.reset()
    yield SlackDriver(server.url, SIGNING_SECRET, emulator)
    invalid = emulator.invalid_calls()
    assert not invalid, f"Slack would reject: {[(c.method, c.problems) for c in invalid]}"


@pytest.fixture(scope="session")
def mentorbot_exe() -> list[str]:
    return mentorbot_command()


def pytest_report_header(config) -> str:
    url = postgres_url()
    return f"database: {'PostgreSQL ' + url if url else 'SQLite'}"

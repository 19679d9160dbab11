"""Everything a handler or job needs, built once per process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.db.engine import make_engine, make_session_factory
from bot.db.uow import UnitOfWork
from bot.services.people import Directory
from bot.settings import Settings
from bot.slack_client import make_client


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Deps:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    client: WebClient
    clock: Callable[[], datetime] = utc_now
    directory: Directory = field(init=False)

    def __post_init__(self) -> None:
        self.directory = Directory(self.client, self.uow)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.session_factory)

    def now(self) -> datetime:
        return self.clock()


def build_deps(settings: Settings) -> Deps:
    engine = make_engine(settings.database_url)
    return Deps(settings, engine, make_session_factory(engine), make_client(settings))

"""Builds the process's dependencies (`Deps`) from the settings: the composition root's
one constructor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.db.engine import make_engine, make_session_factory
from bot.db.uow import UnitOfWork
from bot.flows.deps import Deps
from bot.slack.paced_client import RateLimitBook, make_client
from bot.support.clock import FileClock, utc_now
from bot.support.settings import Settings

__all__ = ["Deps", "build_deps", "make_clock"]


def build_deps(settings: Settings) -> Deps:
    # Every listener thread and the scheduler may hold a connection at once.
    engine = make_engine(settings.database_url, pool_size=settings.web_threads + 1,
                         pgbouncer=settings.behind_pgbouncer)
    factory = make_session_factory(engine)
    # Listeners' calls: a second's staleness of another process's hold, for a read less.
    book = RateLimitBook(lambda: UnitOfWork(factory), remember_for=timedelta(seconds=1),
                         limits=settings.slack_calls_per_minute)
    client = make_client(settings, book)
    return Deps(settings, engine, factory, client, clock=make_clock(settings),
                listener_book=book)


def make_clock(settings: Settings) -> Callable[[], datetime]:
    if settings.virtual_clock_file is None:
        return utc_now
    return FileClock(settings.virtual_clock_file)

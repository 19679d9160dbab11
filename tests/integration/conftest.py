"""Shared by the service tests: a fresh unit of work on a clean database."""

from __future__ import annotations

import pytest

from bot.db.engine import make_session_factory
from bot.db.uow import ReadingUnit, UnitOfWork


@pytest.fixture
def uow(clean_db):
    factory = make_session_factory(clean_db)
    return lambda: UnitOfWork(factory)


@pytest.fixture
def reader(clean_db):
    factory = make_session_factory(clean_db, read_only=True)
    return lambda: ReadingUnit(factory)

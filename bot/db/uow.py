"""Unit of work: one transaction, rolled back unless the caller commits."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Executable, Result
from sqlalchemy.orm import Session, sessionmaker


class UnitOfWork:
    session: Session

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """End the unit: whatever was not committed is rolled back."""
        self.session.rollback()
        self.session.close()

    def execute(self, statement: Executable, params: dict[str, Any] | None = None
                ) -> Result[Any]:
        """A Core statement (columns, not entities), in this unit's transaction. A
        statement built once with bind parameters and given `params` costs SQLAlchemy no
        expression building and no cache-key walk per call."""
        return self.session.execute(statement, params)

    def commit(self) -> None:
        self.session.commit()


class ReadingUnit(UnitOfWork):
    """Reads only, in one snapshot. A Core read takes a pooled connection and no ORM
    session: on the paths that answer a click (a form opening), the session's bookkeeping
    cost more than the query. A session, when a service asks for one, shares the
    connection, so every read of the unit sees the same data."""

    def __enter__(self) -> ReadingUnit:
        self._connection: Connection | None = None
        self._session: Session | None = None
        return self

    @property
    def session(self) -> Session:  # type: ignore[override]
        if self._session is None:
            self._session = self._session_factory(bind=self._connect())
        return self._session

    def execute(self, statement: Executable, params: dict[str, Any] | None = None
                ) -> Result[Any]:
        return self._connect().execute(statement, params)

    def _connect(self) -> Connection:
        if self._connection is None:
            self._connection = self._session_factory.kw["bind"].connect()
        return self._connection

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
        if self._connection is not None:
            self._connection.close()  # a reader's transaction ends in a rollback

    def commit(self) -> None:
        raise TypeError("a reading unit writes nothing")

"""One-statement reads past SQLAlchemy's execution machinery, for the hottest path.

A form that opens from a slash command reads a row before `views.open`, inside the three
seconds its trigger lives. Through a Session or a Connection that read costs about five
times the query itself in Python (events, result metadata, the transaction), and under
load that time is spent holding the GIL that every other request thread waits for. Here
the statement is compiled once per dialect and run on a pooled DBAPI connection: one
checkout, one execute, one fetch.

Only plain columns qualify: a type that converts values on the way in or out (a UTC
datetime, a stored enum) would be skipped, so such a statement is refused when compiled.
A single statement is its own snapshot, so it needs no transaction of its own.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, Select


class OneRow:
    """A Core select built once, with bind parameters by name."""

    def __init__(self, statement: Select) -> None:
        self.statement = statement
        self._compiled: dict[str, tuple[str, tuple[str, ...] | None]] = {}

    def sql_for(self, engine: Engine) -> tuple[str, tuple[str, ...] | None]:
        """The SQL for this engine's dialect, and the order of its parameters when the
        driver takes them by position (SQLite) rather than by name (psycopg)."""
        dialect = engine.dialect
        found = self._compiled.get(dialect.name)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            _refuse_conversions(self.statement, compiled, dialect)
            order = tuple(compiled.positiontup) if compiled.positional else None
            found = self._compiled[dialect.name] = (str(compiled), order)
        return found


def _refuse_conversions(statement: Select, compiled, dialect) -> None:
    for column in statement.selected_columns:
        if column.type.result_processor(dialect, None) is not None:
            raise TypeError(f"{column.name}: its type converts values; read it with a unit")
    for bind in compiled.binds.values():
        if bind.type.bind_processor(dialect) is not None:
            raise TypeError(f"{bind.key}: its type converts values; read it with a unit")


class RowReader:
    """Runs `OneRow` statements on the engine's pool."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def first(self, query: OneRow, params: dict[str, Any]) -> tuple | None:
        sql, order = query.sql_for(self._engine)
        connection = self._engine.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                cursor.execute(sql, tuple(params[name] for name in order)
                               if order is not None else params)
                row = cursor.fetchone()
            finally:
                cursor.close()
        finally:
            # Back to the pool, which ends whatever transaction the driver began.
            connection.close()
        return tuple(row) if row is not None else None

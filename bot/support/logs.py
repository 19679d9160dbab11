"""Logging that never carries people's words.

An exception's message often quotes the value that caused it (`invalid literal for int()
with base 10: '…'`), so a traceback is written with its frames and the exception's type
only. Every handler the root logger has uses one of these formatters: a line of text, or
(`LOG_FORMAT=json`) one JSON object per line with the workspace and the kind of request
being served, for log collectors.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar, copy_context
from datetime import UTC, datetime

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# What is being served, for the JSON lines: ids and kinds only, never content.
_TEAM: ContextVar[str | None] = ContextVar("mentorbot_team", default=None)
_KIND: ContextVar[str | None] = ContextVar("mentorbot_request_kind", default=None)


@contextmanager
def serving(kind: str | None = None, team: str | None = None) -> Iterator[None]:
    """Log records made inside (in this thread, or a `ContextExecutor`'s) name these; a
    team set inside with `set_team` ends with it too."""
    tokens = [(var, var.set(value)) for var, value in ((_KIND, kind), (_TEAM, team))]
    try:
        yield
    finally:
        for var, token in reversed(tokens):
            var.reset(token)


def set_team(team: str | None) -> None:
    """Once a request's workspace is known (after Bolt parsed it), for the rest of it."""
    if team:
        _TEAM.set(team)


class ContextExecutor(ThreadPoolExecutor):
    """A pool whose tasks run in the context they were submitted from, so the listener
    threads' log lines still name the request they serve."""

    def submit(self, fn: Callable, /, *args, **kwargs) -> Future:
        return super().submit(copy_context().run, fn, *args, **kwargs)


def _withheld(ei) -> str:
    kind, error, tb = ei
    lines = ["Traceback (most recent call last, messages withheld):"]
    lines += [line.rstrip("\n") for line in traceback.format_list(traceback.extract_tb(tb))]
    cause = error.__cause__ or error.__context__ if error is not None else None
    name = kind.__name__ if kind is not None else "Exception"
    if cause is not None:
        name += f" (from {type(cause).__name__})"
    lines.append(name)
    return "\n".join(lines)


class PrivateFormatter(logging.Formatter):
    def formatException(self, ei) -> str:
        return _withheld(ei)


class JsonFormatter(logging.Formatter):
    """One object per line: time, level, logger, message, team, request kind."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "team": _TEAM.get(),
            "request": _KIND.get(),
        }
        if record.exc_info:
            line["exception"] = _withheld(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def configure(level: str, log_format: str = "text") -> None:
    logging.basicConfig(level=level, format=FORMAT)
    formatter = JsonFormatter() if log_format == "json" else PrivateFormatter(FORMAT)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(formatter)

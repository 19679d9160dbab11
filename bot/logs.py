"""Logging that never carries people's words.

An exception's message often quotes the value that caused it (`invalid literal for int()
with base 10: '…'`), so a traceback is written with its frames and the exception's type
only. Every handler the root logger has uses this formatter.
"""

from __future__ import annotations

import logging
import traceback

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateFormatter(logging.Formatter):
    def formatException(self, ei) -> str:
        kind, error, tb = ei
        lines = ["Traceback (most recent call last, messages withheld):"]
        lines += [line.rstrip("\n") for line in traceback.format_list(traceback.extract_tb(tb))]
        cause = error.__cause__ or error.__context__ if error is not None else None
        name = kind.__name__ if kind is not None else "Exception"
        if cause is not None:
            name += f" (from {type(cause).__name__})"
        lines.append(name)
        return "\n".join(lines)


def configure(level: str) -> None:
    logging.basicConfig(level=level, format=FORMAT)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(PrivateFormatter(FORMAT))

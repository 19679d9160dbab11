"""Where "now" comes from: the real clock, or a virtual one the demo and tests move."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.support.settings import ConfigError


def utc_now() -> datetime:
    return datetime.now(UTC)


def parse_instant(text: str) -> datetime:
    """An ISO-8601 instant; one without an offset is taken as UTC."""
    value = datetime.fromisoformat(text.strip())
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class FileClock:
    """Reads the current instant from a file on every call.

    A file, rather than an endpoint, because every process of a deployment (each server
    worker and each `run-due`) must see the same time, and a file needs no extra surface
    on the public server. Time stands still until the file is rewritten, so a scripted
    journey of months plays out in seconds and always the same way.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._last = self._read()

    def _read(self) -> datetime:
        try:
            return parse_instant(self.path.read_text())
        except (OSError, ValueError):
            raise ConfigError(
                f"VIRTUAL_CLOCK_FILE {str(self.path)!r} must hold an ISO-8601 instant such as "
                "2027-03-01T09:00:00+00:00.") from None

    def __call__(self) -> datetime:
        try:
            self._last = self._read()
        except ConfigError:
            # Edited by hand and half-saved: the previous instant is still the best answer.
            return self._last
        return self._last


def set_virtual_time(path: Path, instant: datetime) -> None:
    """Move a virtual clock atomically, so a reader never sees half a timestamp."""
    partial = path.with_suffix(".partial")
    partial.write_text(instant.astimezone(UTC).isoformat())
    partial.replace(path)

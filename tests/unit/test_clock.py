"""The virtual clock: what every process of a demo or test takes to be "now"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.support.clock import FileClock, set_virtual_time
from bot.support.settings import ConfigError


def test_the_clock_follows_the_file_and_reads_instants_as_utc(tmp_path):
    path = tmp_path / "clock"
    set_virtual_time(path, datetime(2027, 3, 28, 3, 30, tzinfo=UTC))
    clock = FileClock(path)
    assert clock() == datetime(2027, 3, 28, 3, 30, tzinfo=UTC)
    path.write_text("2027-03-29T09:00:00+02:00")
    assert clock() == datetime(2027, 3, 29, 7, 0, tzinfo=UTC)
    path.write_text("2027-04-01T12:00:00")  # no offset: UTC
    assert clock() == datetime(2027, 4, 1, 12, 0, tzinfo=UTC)


def test_a_half_written_file_keeps_the_last_instant(tmp_path):
    path = tmp_path / "clock"
    path.write_text("2027-03-28T01:00:00+00:00")
    clock = FileClock(path)
    path.write_text("2027-03-")
    assert clock() == datetime(2027, 3, 28, 1, 0, tzinfo=UTC)


def test_a_missing_file_is_a_configuration_error(tmp_path):
    with pytest.raises(ConfigError, match="VIRTUAL_CLOCK_FILE"):
        FileClock(tmp_path / "absent")

"""How fast to call a Slack method: the configured or documented rate, cut by Retry-After."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import pacing

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def test_a_configured_rate_wins_over_the_star_which_wins_over_slacks_tier():
    assert pacing.limit_per_minute("users.info", {}) == 100
    assert pacing.limit_per_minute("users.info", {"*": 0}) == 0
    assert pacing.limit_per_minute("users.info", {"*": 0, "users.info": 600}) == 600
    # A method Slack documents no figure for is only held by Retry-After.
    assert pacing.limit_per_minute("files.getUploadURLExternal", {}) == 0


def test_a_retry_after_cuts_the_rate_which_climbs_back_to_the_limit():
    cut = pacing.after_retry_after(600)
    assert cut == pytest.approx(480)
    assert pacing.current_per_minute(600, cut, NOW, NOW) == pytest.approx(480)
    halfway = NOW + pacing.RECOVERY / 10
    assert pacing.current_per_minute(600, cut, NOW, halfway) == pytest.approx(540)
    assert pacing.current_per_minute(600, cut, NOW, NOW + pacing.RECOVERY) == 600
    # Unpaced stays unpaced, whatever was learned.
    assert pacing.current_per_minute(0, cut, NOW, NOW) == 0


def test_spacing_is_a_little_wider_than_the_rate():
    assert pacing.spacing(60) == timedelta(seconds=pacing.SAFETY)
    assert pacing.spacing(0) == timedelta(0)

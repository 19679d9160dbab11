"""Turns and holds shared through the database, as two processes would see them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import pacing
from bot.services import rate_limits

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
TEAM, METHOD = "T1", "chat.postMessage"
PER_MINUTE = 600  # one turn every 0.1 s, widened by SAFETY
GAP = pacing.spacing(PER_MINUTE)



def turn(uow, at: datetime, limit: float = PER_MINUTE) -> rate_limits.Turn:
    with uow() as work:
        return rate_limits.take_turn(work, TEAM, METHOD, at, limit)


def test_one_turn_per_gap_whoever_asks(uow):
    assert turn(uow, NOW).wait == 0
    # A second process asking at the same instant waits for the next turn.
    second = turn(uow, NOW)
    assert second.wait == pytest.approx(GAP.total_seconds()) and not second.held
    assert turn(uow, NOW + GAP).wait == 0
    # A turn taken a moment late counts the next from its due time, not from now.
    late = NOW + 2 * GAP + pacing.FORGIVEN_LATENESS / 2
    assert turn(uow, late).wait == 0
    assert turn(uow, NOW + 3 * GAP).wait == 0


def test_a_turn_taken_much_later_spaces_the_next_from_now(uow):
    assert turn(uow, NOW).wait == 0
    later = NOW + timedelta(seconds=5)
    assert turn(uow, later).wait == 0
    assert turn(uow, later + GAP / 2).wait == pytest.approx((GAP / 2).total_seconds())


def test_a_hold_stops_every_turn_and_cuts_the_rate_once(uow):
    assert turn(uow, NOW).wait == 0
    until = NOW + timedelta(seconds=2)
    # Two processes told of the same hold: the rate is cut once, not twice.
    for _ in range(2):
        with uow() as work:
            rate_limits.hold(work, TEAM, METHOD, until, NOW, PER_MINUTE)
    waiting = turn(uow, NOW + timedelta(seconds=1))
    assert waiting.held and waiting.wait == pytest.approx(1.0)
    assert turn(uow, until).wait == 0
    slower = turn(uow, until)
    learned = pacing.after_retry_after(PER_MINUTE)
    climbing = pacing.current_per_minute(PER_MINUTE, learned, NOW, until)
    assert learned < climbing < PER_MINUTE
    assert slower.wait == pytest.approx(pacing.spacing(climbing).total_seconds())


def test_a_shorter_hold_never_shortens_a_longer_one(uow):
    with uow() as work:
        rate_limits.hold(work, TEAM, METHOD, NOW + timedelta(seconds=30), NOW, PER_MINUTE)
    with uow() as work:
        rate_limits.hold(work, TEAM, METHOD, NOW + timedelta(seconds=1), NOW, PER_MINUTE)
    assert turn(uow, NOW + timedelta(seconds=2)).wait == pytest.approx(28.0)

"""How fast to call one Slack method, so that a burst stays under Slack's limit instead of
running into it.

Slack limits each method per app per workspace, whichever process calls. Calls are spaced
at the method's rate: the one configured, or Slack's documented tier. A Retry-After proves
the rate too high for this workspace, so the rate is cut; it climbs back over minutes,
since a limit that was hit once by another caller need not hold for ever.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

# Slack's documented per-workspace minimums, in calls per minute (docs: "Rate limits").
# chat.postMessage is "special": one a second per channel, and "several hundred a minute"
# for the workspace; nudges go to many DMs, so the workspace figure is the one that binds.
DOCUMENTED_PER_MINUTE: Mapping[str, float] = {
    "chat.postMessage": 300,
    "chat.update": 50,
    "conversations.open": 50,
    "conversations.history": 50,
    "users.info": 100,
    "users.list": 20,
    "views.publish": 100,
}
ANY_METHOD = "*"
# Spacing a little wider than the rate keeps a call delayed by scheduling from landing
# in the same window as the next one.
SAFETY = 1.02
# A turn taken this much after its time still spaces the next from its time; see
# rate_limits.take_turn. Well under what SAFETY leaves spare over a one-second window.
FORGIVEN_LATENESS = timedelta(milliseconds=4)
CUT = 0.8
RECOVERY = timedelta(minutes=10)


def limit_per_minute(method: str, configured: Mapping[str, float]) -> float:
    """The rate to aim at; 0 means unpaced (only Retry-After is honoured)."""
    if method in configured:
        return configured[method]
    if ANY_METHOD in configured:
        return configured[ANY_METHOD]
    return DOCUMENTED_PER_MINUTE.get(method, 0.0)


def current_per_minute(limit: float, learned: float | None, learned_at: datetime | None,
                       now: datetime) -> float:
    """The limit, or what a Retry-After taught, climbing back to the limit over RECOVERY."""
    if limit <= 0 or learned is None or learned_at is None:
        return limit
    regained = limit * max(0.0, (now - learned_at) / RECOVERY)
    return min(limit, learned + regained)


def after_retry_after(current: float) -> float:
    return current * CUT


def spacing(per_minute: float) -> timedelta:
    if per_minute <= 0:
        return timedelta(0)
    return timedelta(seconds=60.0 / per_minute * SAFETY)

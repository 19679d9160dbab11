"""Work done before a modal's answer, held to a time budget.

Slack drops an answer that comes later than three seconds, and the person then sees a
generic failure with no idea what to do. Work the inline answer needs (a profile asked
of Slack, say) runs here; past the budget the person is told to try again, and the work
goes on in the background, warming the cache for that next try.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

T = TypeVar("T")

TRY_AGAIN = "Slack is slow to answer right now. Try again in a moment; nothing was lost."

_pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="before-ack")


class OverBudget(Exception):
    pass


def within(seconds: float, work: Callable[[], T]) -> T:
    """`work()`, or OverBudget when it takes longer than `seconds`."""
    future = _pool.submit(work)
    try:
        return future.result(timeout=seconds)
    except FutureTimeout:
        raise OverBudget from None

"""Send whatever is due at one instant. The interval job and `mentorbot run-due` call this."""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

from bot.domain.nudges.delivery import DeliveryOutcome
from bot.flows.deps import Deps
from bot.services import nudges, retention, workspaces
from bot.support.clock import set_virtual_time
from scheduler.delivery import deliver_batch

log = logging.getLogger(__name__)

# A run waits out a Retry-After this long at most; a longer one is left to the next tick.
MAX_HOLD_WAIT = 30.0


def _moving_from(at: datetime):
    """A clock that starts at `at` and runs on: under rate limits a run can last minutes,
    and quiet hours are judged at the moment of sending."""
    started = time.monotonic()
    return lambda: at + timedelta(seconds=time.monotonic() - started)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def keep_no_longer_than_needed(deps: Deps, now: datetime) -> None:
    """Workspaces that removed the app longer ago than UNINSTALL_RETENTION_DAYS; the words
    of relationships closed longer ago than RETENTION_DAYS; profiles nobody needs."""
    with deps.uow() as uow:
        purged = workspaces.purge_expired(uow, now, deps.settings.uninstall_retention_days)
    for team_id in purged:
        log.info("workspace %s: removed over %d days ago; its data is deleted", team_id,
                 deps.settings.uninstall_retention_days)
    with deps.uow() as uow:
        erased = retention.erase_old_words(uow, now, deps.settings.retention_days)
    with deps.uow() as uow:
        forgotten = retention.forget_unneeded_profiles(uow, now)
    if erased or forgotten:
        log.info("retention: the words of %d closed relationships erased, %d profiles "
                 "nobody needs deleted", erased, forgotten)


def run_due(deps: Deps, at: datetime | None = None, worker: str | None = None
            ) -> dict[DeliveryOutcome, int]:
    """Dispatch what is due now (the process's clock), or at the instant `at`."""
    worker = worker or worker_name()
    clock = deps.now if at is None else _moving_from(at)
    # On a virtual clock that stands still, a nudge held by a Retry-After never comes due
    # again within this run; on a moving one the run waits the hold out and goes on.
    waits_out_holds = at is not None or deps.settings.virtual_clock_file is None
    lease = timedelta(seconds=deps.settings.nudge_lease_seconds)
    batch = deps.settings.nudge_batch_size
    outcomes: Counter[DeliveryOutcome] = Counter()
    keep_no_longer_than_needed(deps, clock())
    while True:
        with deps.uow() as uow:
            claimed = nudges.claim(uow, clock(), worker, lease, batch)
        step = deliver_batch(deps, claimed, worker, clock)
        outcomes.update(step.values())
        limited = sum(outcome is DeliveryOutcome.RATE_LIMITED for outcome in step.values())
        if limited and waits_out_holds:
            time.sleep(min(MAX_HOLD_WAIT, max(0.05, deps.rate_limits.next_release())))
            continue
        if len(claimed) < batch:
            return dict(outcomes)


def run_due_through(deps: Deps, until: datetime, virtual_clock: Path | None = None
                    ) -> dict[DeliveryOutcome, int]:
    """Every nudge that falls due from now until `until`, each run at its own due time, in
    order: the clock never jumps over a due nudge, so a nudge that a later one depends on
    (a "what next?" and the lapse counted from it) goes out when it would have. With a
    virtual clock, it moves with each step, so the server agrees on what time it is."""
    outcomes: Counter[DeliveryOutcome] = Counter()
    at = deps.now()
    while True:
        with deps.reader() as uow:
            due = nudges.next_due(uow, until)
        at = max(at, due) if due is not None else until
        if virtual_clock is not None:
            set_virtual_time(virtual_clock, at)
        step = run_due(deps, at)
        outcomes.update(step)
        # An unexpected failure comes back after its lease: stop here, and say so.
        if due is None or step.get(DeliveryOutcome.ERROR):
            return dict(outcomes)

"""Send whatever is due at one instant. The interval job and `mentorbot run-due` call this."""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections import Counter
from datetime import datetime, timedelta

from bot.container import Deps
from bot.services import nudges
from scheduler.delivery import deliver

log = logging.getLogger(__name__)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def run_due(deps: Deps, now: datetime, worker: str | None = None) -> dict[str, int]:
    worker = worker or worker_name()
    lease = timedelta(seconds=deps.settings.nudge_lease_seconds)
    batch = deps.settings.nudge_batch_size
    outcomes: Counter[str] = Counter()
    while True:
        with deps.uow() as uow:
            claimed = nudges.claim(uow, now, worker, lease, batch)
        for nudge_id in claimed:
            try:
                outcomes[deliver(deps, nudge_id, worker, now)] += 1
            except Exception:
                # Left claimed: its lease runs out and a later tick tries again.
                log.exception("nudge %s: delivery failed unexpectedly", nudge_id)
                outcomes["error"] += 1
        if len(claimed) < batch:
            return dict(outcomes)

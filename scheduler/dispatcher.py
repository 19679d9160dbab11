"""Run everything due at one instant; the interval job and `mentorbot run-due` both call it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from bot.container import Deps
from scheduler.jobs import expire_unanswered_invitations

log = logging.getLogger(__name__)

JOBS: tuple[Callable[[Deps, datetime], int], ...] = (expire_unanswered_invitations,)


def run_due(deps: Deps, now: datetime) -> dict[str, int]:
    done: dict[str, int] = {}
    for job in JOBS:
        try:
            done[job.__name__] = job(deps, now)
        except Exception:
            log.exception("job %s failed; the next tick tries again", job.__name__)
            done[job.__name__] = -1
    return done

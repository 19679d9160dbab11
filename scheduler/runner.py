"""APScheduler inside `serve` and `socket`: one interval job that calls the dispatcher.

APScheduler keeps no business state here (an in-memory job store): what is due lives in
the database, so a restart loses nothing.
"""

from __future__ import annotations

from apscheduler.schedulers.background import BackgroundScheduler

from bot.flows.deps import Deps
from scheduler.dispatcher import run_due

JOB_ID = "mentorbot-dispatch"


def start_scheduler(deps: Deps) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
    scheduler.add_job(
        lambda: run_due(deps),
        "interval",
        seconds=deps.settings.scheduler_tick_seconds,
        id=JOB_ID,
        max_instances=1,
        coalesce=True,
    )
    scheduler.start()
    return scheduler

"""APScheduler inside `serve` and `socket`: an interval job that calls the dispatcher, and
one that sweeps profiles when their turn comes.

APScheduler keeps no business state here (an in-memory job store): what is due lives in
the database, so a restart loses nothing.
"""

from __future__ import annotations

from apscheduler.schedulers.background import BackgroundScheduler

from bot.flows.deps import Deps
from scheduler.dispatcher import run_due
from scheduler.sweep import sweep_profiles

JOB_ID = "mentorbot-dispatch"
SWEEP_JOB_ID = "mentorbot-profile-sweep"
SWEEP_CHECK_SECONDS = 300


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
    # A separate job: a long sweep never holds up a tick of due nudges.
    scheduler.add_job(lambda: sweep_profiles(deps), "interval", seconds=SWEEP_CHECK_SECONDS,
                      id=SWEEP_JOB_ID, max_instances=1, coalesce=True)
    scheduler.start()
    return scheduler

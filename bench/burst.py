"""A morning burst under Slack's rate limits: how long 1,000 nudges to 1,000 people in nine
zones take to drain with two dispatchers, against the floor chat.postMessage allows, when
every cached profile is older than the cache period; and how many users.info calls it made.

    python -m bench.burst [--count N] [--per-second N]

The emulator enforces a per-method limit with Retry-After (as Slack does per workspace),
and counts calls made inside an announced wait; each dispatcher is `mentorbot run-due`,
run again as soon as it ends, at the instant the burst has reached.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert

from bench.dispatch import NOON, TEAM, prepared
from bot.db.models import Person
from slack_emulator.app_process import free_port, mentorbot_command, server_env
from slack_emulator.server import SlackEmulator
from tests.seed import seed_invitations

# Nine zones where noon UTC is daytime: the burst is a morning (or afternoon) for all.
ZONES = ("UTC", "Europe/London", "Europe/Berlin", "Europe/Helsinki", "Africa/Lagos",
         "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "America/Sao_Paulo")


def _stale_profiles(engine, recipients: list[str]) -> None:
    """Everyone known, every copy older than the six-hour cache period."""
    with engine.begin() as connection:
        connection.execute(insert(Person), [
            {"team_id": TEAM, "user_id": user_id, "home_team_id": TEAM,
             "display_name": user_id.lower(), "email": None, "tz": ZONES[n % len(ZONES)],
             "is_bot": False, "deleted": False, "fetched_at": NOON - timedelta(hours=7)}
            for n, user_id in enumerate(recipients)])


def burst(count: int, per_second: int, workdir: Path, dispatchers: int = 2) -> dict:
    emulator = SlackEmulator(light=True).start()
    # One person per nudge, as in a real morning: each recipient's profile is its own.
    recipients = [f"UBURST{n:05d}" for n in range(count)]
    for n, user_id in enumerate(recipients):
        emulator.add_user(user_id, user_id.lower(), tz=ZONES[n % len(ZONES)])
    emulator.limit("chat.postMessage", per_second)
    emulator.limit("users.info", max(1, per_second // 30))  # Tier 4: about 100 a minute
    url = f"sqlite:///{workdir / 'burst.db'}"
    engine = prepared(url)
    seed_invitations(engine, TEAM, count, NOON - timedelta(hours=1), recipients)
    _stale_profiles(engine, recipients)
    # The workspace's limits, as an operator who knows them would configure them.
    limits = json.dumps({"chat.postMessage": per_second * 60,
                         "users.info": max(1, per_second // 30) * 60})
    env = server_env(emulator.api_url, emulator.token, url, free_port(),
                     NUDGE_BATCH_SIZE="50", SLACK_CALLS_PER_MINUTE=limits)
    # The emulator runs in this process and keeps every call it answers: its collector's
    # pauses (tens of ms by the end) would bunch arrivals into one window, a jitter of
    # the stand-in that Slack's own limiter does not add.
    gc.disable()
    started = time.perf_counter()
    sent = 0
    while sent < count:
        at = NOON + timedelta(seconds=time.perf_counter() - started)
        runs = [subprocess.Popen([*mentorbot_command(), "run-due", "--at", at.isoformat()],
                                 cwd=workdir, env=env, stdout=subprocess.PIPE, text=True)
                for _ in range(dispatchers)]
        for run in runs:
            out, _ = run.communicate(timeout=600)
            sent += sum(int(p.split("=")[1]) for p in out.split() if p.startswith("sent="))
    took = time.perf_counter() - started
    gc.enable()
    floor = count / per_second
    figures = {"nudges": count, "limit_per_second": per_second, "seconds": round(took, 1),
               "floor_seconds": round(floor, 1), "ratio": round(took / floor, 2),
               "answered_429": sum(c.error == "ratelimited" for c in emulator.calls),
               "users_info_calls": sum(c.method == "users.info" for c in emulator.calls),
               # Each nudge once: a message more than nudges would be one sent twice.
               "messages_posted": sum(c.method == "chat.postMessage" and not c.error
                                      for c in emulator.calls),
               "calls_inside_retry_after": sum(emulator.inside_retry_after.values())}
    emulator.stop()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--per-second", type=int, default=50)
    parser.add_argument("--dispatchers", type=int, nargs="+", default=[1, 3])
    args = parser.parse_args()
    for dispatchers in args.dispatchers:
        with tempfile.TemporaryDirectory() as workdir:
            figures = burst(args.count, args.per_second, Path(workdir), dispatchers)
            print(f"burst under rate limits, {dispatchers} dispatcher(s):", figures)


if __name__ == "__main__":
    main()

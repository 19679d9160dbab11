"""A morning burst under Slack's rate limits: how long 1,000 nudges to 1,000 people in nine
zones take to drain with one and with three dispatchers, against the floor chat.postMessage
allows, when every cached profile is older than the cache period; and how many users.info
calls it made.

    python -m bench.burst [--count N] [--per-second N] [--dispatchers N ...]

Each dispatcher is `mentorbot dispatch`, as deployed beside servers that do not send (the
scheduler inside `serve` is the same loop), started and warm before the burst. The nudges
are stored due a few seconds ahead, on the real clock; the clock starts when they come due,
so the wait for a dispatcher's next tick (one second here) counts, and the time a process
takes to start does not. The nine zones are ones where it is now daytime, so none of the
nudges may be held for quiet hours. The emulator enforces a per-method limit with
Retry-After (as Slack does per workspace), and counts calls made inside an announced wait.
"""

from __future__ import annotations

import argparse
import gc
import json
import signal
import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select

from bench.dispatch import TEAM, prepared
from bot.db.models import Nudge, Person
from bot.domain.nudges import NudgeStatus
from slack_emulator.app_process import free_port, mentorbot_command, server_env
from slack_emulator.server import SlackEmulator
from tests.seed import seed_invitations

# Candidates for the nine zones, around the world: whatever the hour, at least nine of them
# are in their working day.
CANDIDATE_ZONES = (
    "Pacific/Auckland", "Australia/Sydney", "Australia/Brisbane", "Asia/Tokyo", "Asia/Seoul",
    "Asia/Shanghai", "Asia/Singapore", "Asia/Bangkok", "Asia/Dhaka", "Asia/Kolkata",
    "Asia/Karachi", "Asia/Dubai", "Europe/Moscow", "Europe/Helsinki", "Africa/Nairobi",
    "Europe/Berlin", "Africa/Lagos", "Europe/London", "UTC", "Atlantic/Azores",
    "America/Noronha", "America/Sao_Paulo", "America/Halifax", "America/New_York",
    "America/Toronto", "America/Chicago", "America/Mexico_City", "America/Denver",
    "America/Phoenix", "America/Los_Angeles", "America/Vancouver", "America/Anchorage",
    "Pacific/Honolulu", "Pacific/Tahiti", "Pacific/Fiji", "Asia/Manila", "Asia/Jakarta",
    "Asia/Kathmandu", "Asia/Tehran", "Europe/Paris", "America/Bogota", "America/Lima",
    "Asia/Yangon", "Asia/Tashkent", "Atlantic/Cape_Verde", "America/Caracas",
    "America/Argentina/Buenos_Aires", "Pacific/Chatham", "Pacific/Tongatapu",
    "Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Marquesas", "America/Adak",
    "Asia/Vladivostok", "Australia/Adelaide", "Australia/Perth", "Asia/Kabul",
    "Europe/Istanbul", "Pacific/Guam", "Asia/Magadan", "Pacific/Noumea",
)
ZONE_COUNT = 9
# Dispatchers are warm by then; the burst comes due this long after it is stored.
LEAD_SECONDS = 10.0
TICK_SECONDS = "1"


def daytime_zones(at: datetime) -> tuple[str, ...]:
    """Nine zones where `at` falls between 09:00 and 19:00: the burst drains in well under
    an hour, so it ends before anyone's quiet hours (from 21:00 by default)."""
    zones = [zone for zone in CANDIDATE_ZONES
             if 9 <= at.astimezone(ZoneInfo(zone)).hour < 19]
    if len(zones) < ZONE_COUNT:
        raise SystemExit(f"only {len(zones)} candidate zones are in daytime at {at}")
    return tuple(zones[:ZONE_COUNT])


def _stale_profiles(engine, recipients: list[str], zones: tuple[str, ...],
                    due: datetime) -> None:
    """Everyone known, every copy older than the six-hour cache period."""
    with engine.begin() as connection:
        connection.execute(insert(Person), [
            {"team_id": TEAM, "user_id": user_id, "home_team_id": TEAM,
             "display_name": user_id.lower(), "email": None, "tz": zones[n % len(zones)],
             "is_bot": False, "deleted": False, "fetched_at": due - timedelta(hours=7)}
            for n, user_id in enumerate(recipients)])


def _start_dispatchers(count: int, env: dict, workdir: Path) -> list[subprocess.Popen]:
    logs = [open(workdir / f"dispatch-{n}.log", "w") for n in range(count)]  # noqa: SIM115
    runs = [subprocess.Popen([*mentorbot_command(), "dispatch"], cwd=workdir, env=env,
                             stdout=log, stderr=subprocess.STDOUT) for log in logs]
    for log in logs:
        log.close()
    return runs


def _wait_until_warm(runs: list[subprocess.Popen], workdir: Path, by: float) -> None:
    while True:
        warm = sum("dispatching every" in (workdir / f"dispatch-{n}.log").read_text()
                   for n in range(len(runs)))
        if warm == len(runs):
            return
        if any(run.poll() is not None for run in runs) or time.time() > by:
            raise SystemExit(f"{len(runs) - warm} dispatcher(s) not started in time; see "
                             f"{workdir}/dispatch-*.log")
        time.sleep(0.05)


def _stop(runs: list[subprocess.Popen]) -> None:
    for run in runs:
        if run.poll() is None:
            run.send_signal(signal.SIGTERM)
    for run in runs:
        try:
            run.wait(timeout=30)
        except subprocess.TimeoutExpired:
            run.kill()


def burst(count: int, per_second: int, workdir: Path, dispatchers: int) -> dict:
    emulator = SlackEmulator(light=True).start()
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=LEAD_SECONDS)
    zones = daytime_zones(due)
    # One person per nudge, as in a real morning: each recipient's profile is its own.
    recipients = [f"UBURST{n:05d}" for n in range(count)]
    for n, user_id in enumerate(recipients):
        emulator.add_user(user_id, user_id.lower(), tz=zones[n % len(zones)])
    emulator.limit("chat.postMessage", per_second)
    emulator.limit("users.info", max(1, per_second // 30))  # Tier 4: about 100 a minute
    url = f"sqlite:///{workdir / 'burst.db'}"
    engine = prepared(url)
    seed_invitations(engine, TEAM, count, due, recipients)
    _stale_profiles(engine, recipients, zones, due)
    # The workspace's limits, as an operator who knows them would configure them.
    limits = json.dumps({"chat.postMessage": per_second * 60,
                         "users.info": max(1, per_second // 30) * 60})
    env = server_env(emulator.api_url, emulator.token, url, free_port(),
                     NUDGE_BATCH_SIZE="50", SLACK_CALLS_PER_MINUTE=limits,
                     SCHEDULER_TICK_SECONDS=TICK_SECONDS)
    runs = _start_dispatchers(dispatchers, env, workdir)
    try:
        _wait_until_warm(runs, workdir, by=due.timestamp() - 1)
        # The emulator runs in this process and keeps every call it answers: its
        # collector's pauses would bunch arrivals into one window, a jitter of the
        # stand-in that Slack's own limiter does not add.
        gc.disable()
        deadline = due.timestamp() + 20 * count / per_second
        while _posted(emulator) < count and time.time() < deadline:
            time.sleep(0.05)
    finally:
        _stop(runs)
        gc.enable()
    posted = [c.at for c in emulator.calls if c.method == "chat.postMessage" and not c.error]
    with engine.connect() as connection:
        unsent = connection.scalar(select(func.count()).where(Nudge.status == NudgeStatus.PENDING))
    engine.dispose()
    took = max(posted) - due.timestamp() if posted else float("inf")
    floor = count / per_second
    figures = {"nudges": count, "limit_per_second": per_second, "seconds": round(took, 1),
               "floor_seconds": round(floor, 1), "ratio": round(took / floor, 2),
               "first_send_after": round(min(posted) - due.timestamp(), 2) if posted else None,
               "answered_429": sum(c.error == "ratelimited" for c in emulator.calls),
               "users_info_calls": emulator.call_counts["users.info"],
               # Each nudge once: a message more than nudges would be one sent twice.
               "messages_posted": len(posted), "left_unsent": unsent,
               "calls_inside_retry_after": sum(emulator.inside_retry_after.values()),
               "zones": ",".join(zones)}
    emulator.stop()
    return figures


def _posted(emulator: SlackEmulator) -> int:
    if emulator.call_counts["chat.postMessage"] < 1:
        return 0
    return sum(c.method == "chat.postMessage" and not c.error for c in emulator.calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--per-second", type=int, default=50)
    parser.add_argument("--dispatchers", type=int, nargs="+", default=[1, 3])
    args = parser.parse_args()
    for dispatchers in args.dispatchers:
        with tempfile.TemporaryDirectory() as workdir:
            figures = burst(args.count, args.per_second, Path(workdir), dispatchers)
            print(f"burst under rate limits, {dispatchers} dispatcher(s):", figures,
                  flush=True)


if __name__ == "__main__":
    main()

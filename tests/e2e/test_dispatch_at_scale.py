"""Several dispatchers at once, and a dispatcher killed mid-send: every nudge exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.db.models import Nudge
from slack_emulator.app_process import start_server
from tests.conftest import TEAM, free_port, mentorbot_command, server_env
from tests.seed import seed_invitations

RECIPIENTS = ["UMENTEE02", "UMENTEE03", "UMENTEE04"]  # all in UTC
NOON = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def delivered_nudge_ids(emulator) -> Counter:
    return Counter(
        c.params["metadata"]["event_payload"]["nudge_id"]
        for c in emulator.calls_to("chat.postMessage")
        if c.error is None and c.params.get("metadata"))


def statuses(engine) -> dict[str, int]:
    with Session(engine) as session:
        rows = session.execute(select(Nudge.status, func.count()).group_by(Nudge.status))
        return {status: count for status, count in rows}


def test_three_dispatchers_send_a_thousand_nudges_exactly_once(slack, engine, database_url,
                                                               tmp_path):
    seed_invitations(engine, TEAM, 1000, NOON - timedelta(hours=1), RECIPIENTS)
    command = [*mentorbot_command(), "run-due", "--at", NOON.isoformat()]
    env = server_env(slack.emulator, database_url, free_port(), NUDGE_BATCH_SIZE="50")
    runs = [subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err for _, err in outputs]

    sent_by_each = [int(dict(p.split("=") for p in out.split()).get("sent", 0))
                    for out, _ in outputs]
    assert sum(sent_by_each) == 1000
    if engine.dialect.name == "postgresql":
        assert sum(1 for n in sent_by_each if n) >= 2, f"no real sharing: {sent_by_each}"
    delivered = delivered_nudge_ids(slack.emulator)
    assert len(delivered) == 1000 and set(delivered.values()) == {1}
    assert statuses(engine) == {"sent": 1000}


def test_a_dispatcher_killed_mid_send_loses_nothing_and_doubles_nothing(
        slack, engine, database_url, tmp_path):
    seed_invitations(engine, TEAM, 20, datetime.now(UTC) - timedelta(minutes=5), RECIPIENTS)
    # It is noon somewhere: the test must not depend on the hour it runs at.
    env = server_env(slack.emulator, database_url, free_port(), SCHEDULER_TICK_SECONDS="1",
                     NUDGE_LEASE_SECONDS="4", QUIET_HOURS_START="00:00",
                     QUIET_HOURS_END="00:00", WEB_WORKERS="1")
    # Slack takes the 5th message but answers it only after the process is gone.
    slack.emulator.slow("chat.postMessage", 0, times=4)
    slack.emulator.slow("chat.postMessage", 6.0)
    first = start_server([*mentorbot_command(), "serve"], env, tmp_path)
    slack.emulator.wait_for(lambda: slack.emulator.started["chat.postMessage"] >= 5,
                            timeout=30, what="the fifth send to reach Slack")
    _kill_tree(first.process.pid)
    first.process.wait()
    slack.emulator.wait_for(lambda: len(slack.emulator.calls_to("chat.postMessage")) >= 5,
                            timeout=15, what="the held message to land after the kill")

    env["PORT"] = str(free_port())
    second = start_server([*mentorbot_command(), "serve"], env, tmp_path)
    try:
        slack.emulator.wait_for(lambda: statuses(engine) == {"sent": 20}, timeout=60,
                                what="every nudge sent after the restart")
    finally:
        second.stop()
    delivered = delivered_nudge_ids(slack.emulator)
    assert len(delivered) == 20 and set(delivered.values()) == {1}, delivered
    # The restarted dispatcher looked for its predecessor's messages before sending.
    assert slack.emulator.calls_to("conversations.history")
    with Session(engine) as session:
        assert max(session.scalars(select(Nudge.attempts))) == 2


def _kill_tree(pid: int) -> None:
    """SIGKILL gunicorn's master and its workers at once: no graceful anything."""
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    for child in children.stdout.split():
        os.kill(int(child), signal.SIGKILL)
    os.kill(pid, signal.SIGKILL)


def test_two_dispatchers_under_slacks_rate_limits_never_call_inside_a_retry_after(
        slack, engine, database_url, tmp_path):
    """Slack limits each method per workspace, whichever process calls: a Retry-After
    given to one dispatcher holds the other too, and every nudge still goes out once.

    mentorbot is told twice the rate the workspace allows, so it must run into the
    limit and learn a lower one from the Retry-After."""
    seed_invitations(engine, TEAM, 60, NOON - timedelta(hours=1), RECIPIENTS)
    slack.emulator.limit("chat.postMessage", 10, per_seconds=1.0)
    slack.emulator.limit("users.info", 1, per_seconds=1.0)
    too_fast = json.dumps({"chat.postMessage": 1200, "users.info": 120})
    env = server_env(slack.emulator, database_url, free_port(), NUDGE_BATCH_SIZE="10",
                     SLACK_CALLS_PER_MINUTE=too_fast)
    outcomes: Counter[str] = Counter()
    for step in range(40):
        at = NOON + timedelta(seconds=2 * step)
        command = [*mentorbot_command(), "run-due", "--at", at.isoformat()]
        runs = [subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for run in runs:
            out, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
            outcomes.update({k: int(v) for k, v in (p.split("=") for p in out.split()
                                                    if "=" in p)})
        if statuses(engine) == {"sent": 60}:
            break
    assert statuses(engine) == {"sent": 60}
    assert outcomes["rate_limited"] > 0, "the limits were never reached: nothing was tested"
    # Calls are spaced across both processes, so the one after a 429 comes only once
    # the hold is recorded: none lands inside the wait.
    assert sum(slack.emulator.inside_retry_after.values()) == 0, \
        slack.emulator.inside_retry_after
    print("inside a Retry-After:", dict(slack.emulator.inside_retry_after),
          "outcomes:", dict(outcomes))
    delivered = delivered_nudge_ids(slack.emulator)
    assert len(delivered) == 60 and set(delivered.values()) == {1}

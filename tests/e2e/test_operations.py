"""What an operator watches: `/metrics` moving with a journey (from the server's workers
and a dispatcher sharing PROMETHEUS_MULTIPROC_DIR), `/readyz` failing on a revoked token."""

from __future__ import annotations

import json
import re
import subprocess
import time
import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families

from slack_emulator.app_process import (
    free_port,
    mentorbot_command,
    server_env,
    start_clocked_mentorbot,
)
from slack_emulator.driver import SlackDriver
from tests.conftest import MENTEE, MENTOR, SIGNING_SECRET, VIRTUAL_EPOCH
from tests.e2e.flows import make_active
from tests.e2e.test_endings import book


@pytest.fixture
def watched(emulator, database_url, clean_db, tmp_path):
    """A server of its own with the scheduler off, so the test's `run-due` is the one
    dispatcher, and with one metrics folder for both."""
    emulator.reset()
    folder = tmp_path / "metrics"
    folder.mkdir()
    running, timeline = start_clocked_mentorbot(
        emulator.api_url, emulator.token, database_url, tmp_path, VIRTUAL_EPOCH,
        PROMETHEUS_MULTIPROC_DIR=str(folder), SCHEDULER_ENABLED="false", WEB_WORKERS="2")
    try:
        yield running, SlackDriver(running.url, SIGNING_SECRET, emulator), timeline
    finally:
        running.stop()


def samples(port: int) -> dict[tuple[str, tuple], float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        assert response.headers["Content-Type"].startswith("text/plain")
        text = response.read().decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def value(found: dict, name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


def settled(port: int, ready) -> dict[tuple[str, tuple], float]:
    """A worker writes its counts once a second: scrape until they are in, or 10 s."""
    deadline = time.monotonic() + 10
    while not ready(found := samples(port)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return found


def test_metrics_move_with_a_journey_and_say_nothing_of_anyone(watched):
    running, slack, timeline = watched
    before = samples(running.port)
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline, days=5)
    timeline.run_due(timeline.now + timedelta(days=4))
    after = settled(running.port, lambda found: value(
        found, "mentorbot_ack_seconds_count", surface="view_submission") >= 2 and value(
        found, "mentorbot_slack_api_calls_total", method="chat.postMessage", error="ok") >= 3)

    assert value(after, "mentorbot_requests_total", surface="slash command", outcome="ok") >= \
        value(before, "mentorbot_requests_total", surface="slash command", outcome="ok") + 2
    assert value(after, "mentorbot_requests_total", surface="block_actions", outcome="ok") >= 2
    assert value(after, "mentorbot_ack_seconds_count", surface="view_submission") >= 2
    assert value(after, "mentorbot_slack_api_calls_total", method="chat.postMessage",
                 error="ok") >= 3
    # The dispatcher's process counted into the same folder: the agenda nudge went out.
    assert value(after, "mentorbot_nudges_total", kind="agenda_due", outcome="sent") == 1
    assert ("mentorbot_outbox_due_unsent", ()) in after
    with urllib.request.urlopen(f"http://127.0.0.1:{running.port}/metrics") as response:
        text = response.read().decode()
    assert not re.search(r"U[A-Z0-9]{8}", text)  # no person's id, let alone words


def test_readyz_fails_on_a_revoked_token_while_healthz_stays_alive(watched, emulator):
    running, _, _ = watched
    emulator.fail("auth.test", status=200, error="token_revoked")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"http://127.0.0.1:{running.port}/readyz", timeout=5)
    assert refused.value.code == 503
    assert json.loads(refused.value.read()) == {
        "status": "not ready", "database": "reachable", "slack_token": "token_revoked"}
    with urllib.request.urlopen(f"http://127.0.0.1:{running.port}/healthz", timeout=5) as alive:
        assert alive.status == 200


def status_of(port: int, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as answer:
            return answer.status
    except urllib.error.HTTPError as refused:
        return refused.code


def test_an_internal_listener_keeps_metrics_and_readiness_off_the_slack_port(
        emulator, database_url, clean_db, tmp_path):
    internal = free_port()
    running, _ = start_clocked_mentorbot(
        emulator.api_url, emulator.token, database_url, tmp_path, VIRTUAL_EPOCH,
        BIND_ADDRESS="127.0.0.1", METRICS_ADDRESS=f"127.0.0.1:{internal}", LOG_FORMAT="json")
    try:
        slack_port = running.port
        assert {path: status_of(slack_port, path) for path in ("/metrics", "/readyz")} == {
            "/metrics": 404, "/readyz": 404}
        assert {path: status_of(internal, path) for path in ("/metrics", "/readyz")} == {
            "/metrics": 200, "/readyz": 200}
        # Slack's path only on Slack's port; the liveness probe on both.
        assert status_of(internal, "/slack/events") == 404
        assert status_of(slack_port, "/healthz") == status_of(internal, "/healthz") == 200
        assert SlackDriver(running.url, SIGNING_SECRET, emulator).slash(
            MENTEE, "help").status == 200
        # LOG_FORMAT=json: every line, gunicorn's own included, is a JSON object.
        lines = [line for line in running.log().splitlines() if line.strip()]
        records = [json.loads(line) for line in lines]
        assert any(r["logger"].startswith("gunicorn") for r in records)
    finally:
        running.stop()


def test_a_dispatcher_of_its_own_serves_its_metrics(emulator, database_url, clean_db,
                                                    tmp_path):
    port = free_port()
    env = server_env(emulator.api_url, emulator.token, database_url, free_port())
    dispatcher = subprocess.Popen([*mentorbot_command(), "dispatch", "--metrics-port",
                                   str(port)], cwd=tmp_path, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                families = samples(port)
                break
            except OSError:
                assert dispatcher.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        assert ("mentorbot_outbox_due_unsent", ()) in families
        assert status_of(port, "/slack/events") == 404
    finally:
        dispatcher.terminate()
        dispatcher.wait(timeout=30)

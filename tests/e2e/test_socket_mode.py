"""`mentorbot socket`: the same app over Socket Mode, against the emulator's WebSocket."""

from __future__ import annotations

import subprocess
from urllib.parse import parse_qsl

import pytest

from tests.conftest import MENTEE, free_port, mentorbot_command, server_env


@pytest.fixture
def socket_app(slack, database_url, tmp_path):
    env = server_env(slack.emulator, database_url, free_port(),
                     SLACK_APP_TOKEN=slack.emulator.app_token)
    env.pop("SLACK_SIGNING_SECRET")  # Socket Mode needs none
    log = (tmp_path / "socket.log").open("w")
    process = subprocess.Popen([*mentorbot_command(), "socket"], cwd=tmp_path, env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        slack.emulator.wait_for(lambda: slack.emulator.socket_mode.connected, timeout=30,
                                what="the app to connect over Socket Mode")
        yield slack
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_slash_commands_arrive_and_are_acknowledged_over_socket_mode(socket_app):
    slack = socket_app
    hub = slack.emulator.socket_mode
    envelope = hub.push("slash_commands", dict(parse_qsl(slack.slash_body(MENTEE, "help"))))
    answer = slack.emulator.wait_for(lambda: hub.ack(envelope), what="the acknowledgement")
    assert "/mentor ready" in answer["text"]

    envelope = hub.push("slash_commands", dict(parse_qsl(slack.slash_body(MENTEE, "ready"))))
    slack.emulator.wait_for(lambda: hub.ack(envelope) is not None)
    view = slack.emulator.wait_for_view(MENTEE, "readiness")
    assert len([b for b in view["blocks"] if b["type"] == "input"]) == 4
    assert slack.emulator.calls_to("apps.connections.open")[0].error is None

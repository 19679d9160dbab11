"""LOG_FORMAT=json: one object per line naming the workspace and the request being served,
in listener threads too, and never an exception's message."""

from __future__ import annotations

import io
import json
import logging

from bot.support.logs import ContextExecutor, JsonFormatter, serving, set_team


def test_a_json_line_names_the_request_and_the_team_even_from_a_listener_thread():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    log = logging.getLogger("mentorbot.test_logs")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        with serving(kind="block_actions"), ContextExecutor(max_workers=1) as pool:
            set_team("T0MENTOR")
            pool.submit(log.info, "clicked %s", "invite_accept").result()
            words = "Ana's " + "secret words"  # what a person typed, not source code
            try:
                int(words)
            except ValueError:
                log.exception("a listener failed")
        log.info("outside")
    finally:
        log.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(line["message"], line["team"], line["request"]) for line in lines] == [
        ("clicked invite_accept", "T0MENTOR", "block_actions"),
        ("a listener failed", "T0MENTOR", "block_actions"),
        ("outside", None, None)]
    assert lines[1]["exception"].endswith("ValueError")
    assert "secret" not in stream.getvalue()
    assert {"time", "level", "logger"} <= lines[0].keys()

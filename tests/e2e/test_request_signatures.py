"""Only requests signed by Slack, recently, are served; the rest get 401 and change nothing."""

from __future__ import annotations

import time

from slack_emulator.driver import sign
from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import invite, relationships, transitions


def test_unsigned_wrongly_signed_and_stale_commands_get_401(slack):
    body = slack.slash_body(MENTEE, "ready")
    now = str(int(time.time()))
    stale = str(int(time.time()) - 6 * 60)
    attempts = {
        "unsigned": slack.post(body, "application/x-www-form-urlencoded", signature="v0=",
                               timestamp=now),
        "wrong secret": slack.post(body, "application/x-www-form-urlencoded",
                                   signature=sign("not-the-secret", now, body), timestamp=now),
        "stale": slack.post(body, "application/x-www-form-urlencoded",
                            signature=sign(slack.secret, stale, body), timestamp=stale),
        "tampered": slack.post(body.replace("ready", "invite"),
                               "application/x-www-form-urlencoded",
                               signature=sign(slack.secret, now, body), timestamp=now),
    }
    assert {name: reply.status for name, reply in attempts.items()} == dict.fromkeys(attempts, 401)
    slack.settle()
    assert slack.emulator.calls_to("views.open") == []


def test_a_forged_click_cannot_accept_an_invitation(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)
    payload = slack.click_payload(MENTOR, invitation, "invite_accept")
    import json
    from urllib.parse import urlencode

    body = urlencode({"payload": json.dumps(payload)})
    reply = slack.post(body, "application/x-www-form-urlencoded",
                       signature=sign("guessed", str(int(time.time())), body))
    assert reply.status == 401
    slack.settle()
    assert relationships(engine)[0].state == "invited"
    assert len(transitions(engine)) == 1


def test_health_check_reports_the_database(server):
    import json
    import urllib.request

    with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/healthz") as response:
        assert response.status == 200
        assert json.loads(response.read()) == {"status": "ok", "database": "reachable"}


def test_other_paths_are_not_found(server):
    import urllib.error
    import urllib.request

    try:
        urllib.request.urlopen(f"http://127.0.0.1:{server.port}/admin")
    except urllib.error.HTTPError as error:
        assert error.code == 404
    else:
        raise AssertionError("expected 404")


def test_a_refused_request_leaves_no_words_in_the_log(slack, server):
    body = slack.slash_body(MENTEE, "invite my secret plan")
    assert slack.post(body, "application/x-www-form-urlencoded", signature="v0=bad").status == 401
    slack.emulator.wait_for(lambda: "Invalid request signature" in server.log())
    assert "my secret plan" not in server.log() and "my+secret+plan" not in server.log()


def test_the_server_starts_without_noise(server):
    """Bolt's "token will be unused" and alembic's INFO lines stay below DEBUG."""
    log = server.log()
    assert "will be unused" not in log and "alembic.runtime.migration" not in log

"""Many workspaces, each installed with "Add to Slack": /slack/install → Slack's consent →
/slack/oauth_redirect, then every command and nudge of a workspace made with its own token
(as the emulator recorded it), and a workspace that leaves stops at once."""

from __future__ import annotations

import http.client
import json
import subprocess
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Nudge, Relationship, bots, oauth_states
from slack_emulator.app_process import (
    Timeline,
    free_port,
    server_env,
    set_virtual_time,
    start_server,
)
from slack_emulator.driver import SlackDriver
from tests.conftest import MENTEE, MENTOR, SIGNING_SECRET, VIRTUAL_EPOCH, mentorbot_command
from tests.e2e.flows import invite, make_active

FIRST, SECOND = "T0MENTOR", "T0SECOND"
NIA, OMAR = "UW2MENTEE", "UW2MENTOR"
# A Fernet key for the tests' tokens at rest (made by `mentorbot token-key`).
TOKEN_KEY = "l1C8vLJ0q1b4Qz1y9Y0n6o2fX3b5W7t8r9s0u1v2w3M="


def installable_env(emulator, database_url, clock, **extra: str) -> dict:
    env = server_env(emulator.api_url, emulator.token, database_url, free_port(),
                     VIRTUAL_CLOCK_FILE=str(clock), SLACK_CLIENT_ID=emulator.client_id,
                     SLACK_CLIENT_SECRET=emulator.client_secret, SCHEDULER_ENABLED="false",
                     TOKEN_ENCRYPTION_KEY=TOKEN_KEY)
    del env["SLACK_BOT_TOKEN"]
    return {**env, **extra}


@pytest.fixture
def installable(emulator, database_url, clean_db, tmp_path):
    """A server with a client id and secret and no bot token: any workspace installs it."""
    emulator.reset()
    emulator.add_user(NIA, "Nia", tz="Europe/Madrid", team_id=SECOND)
    emulator.add_user(OMAR, "Omar", tz="America/New_York", team_id=SECOND)
    clock = tmp_path / "clock"
    set_virtual_time(clock, VIRTUAL_EPOCH)
    env = installable_env(emulator, database_url, clock)
    running = start_server([*mentorbot_command(), "serve"], env, tmp_path)
    try:
        yield running, SlackDriver(running.url, SIGNING_SECRET, emulator), \
            Timeline(clock, env, tmp_path)
    finally:
        running.stop()


def get(port: int, path: str, cookie: str | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    return connection.getresponse()


def start_install(port: int) -> tuple[str, str]:
    """The state Slack's consent screen was sent, and the browser cookie that goes with it."""
    started = get(port, "/slack/install")
    assert started.status == 302
    consent = urlparse(started.getheader("Location"))
    assert consent.netloc == "slack.com" and consent.path == "/oauth/v2/authorize"
    asked = parse_qs(consent.query)
    assert "mpim:write" in asked["scope"][0]
    cookie = started.getheader("Set-Cookie").split(";")[0]
    return asked["state"][0], cookie


def install(slack, port: int, team_id: str, installer: str) -> str:
    state, cookie = start_install(port)
    code = slack.emulator.grant(team_id, installer)
    done = get(port, "/slack/oauth_redirect?" + urlencode({"code": code, "state": state}),
               cookie)
    page = done.read().decode()
    assert done.status == 200 and "mentorbot is installed" in page, page
    return f"/slack/oauth_redirect?{urlencode({'code': code, 'state': state})}"


def teams_of_calls(slack, method: str, to: str) -> set[str]:
    return {call.team for call in slack.emulator.calls
            if call.method == method and to in (call.params.get("channel"),
                                                call.params.get("user"),
                                                *call.params.get("users", "").split(","))}


def test_two_workspaces_installed_each_served_with_its_own_token(installable, engine):
    running, slack, timeline = installable
    used = install(slack, running.port, FIRST, MENTEE)
    install(slack, running.port, SECOND, NIA)

    make_active(slack, MENTEE, MENTOR)
    make_active(slack, NIA, OMAR)
    for person, team in ((MENTEE, FIRST), (MENTOR, FIRST), (NIA, SECOND), (OMAR, SECOND)):
        assert teams_of_calls(slack, "users.info", person) == {team}
    opened = {call.team for call in slack.emulator.calls if call.method == "views.open"}
    assert opened == {FIRST, SECOND}
    # Every call was made with a token an install gave, none with the old single one.
    odd = [(call.method, call.team) for call in slack.emulator.calls
           if call.team not in (FIRST, SECOND) and call.method != "oauth.v2.access"
           and not call.method.startswith(("response_action", "view_submission"))]
    # (answers and submissions, not API calls)
    assert not odd
    assert {token for token, team in slack.emulator.tokens.items() if team == FIRST} \
        != {slack.emulator.token}

    # The scheduler has no request to authorize it: each nudge is sent with its team's token.
    before = len(slack.emulator.calls)
    timeline.run_due(VIRTUAL_EPOCH + timedelta(days=20),
                     QUIET_HOURS_START="00:00", QUIET_HOURS_END="00:00")
    sent = [call for call in slack.emulator.calls[before:] if call.method == "chat.postMessage"]
    assert {call.team for call in sent} == {FIRST, SECOND}
    for call in sent:
        member = call.params["channel"]
        if member.startswith("U"):
            assert call.team == slack.emulator.users[member]["team_id"]

    # The same state again is refused with a page that says what to do.
    again = get(running.port, used)
    assert again.status == 400 and "start again" in again.read().decode()


def test_a_declined_install_gets_a_polite_page_and_a_workspace_that_leaves_stops(
        installable, engine):
    running, slack, timeline = installable
    state, cookie = start_install(running.port)
    declined = get(running.port, "/slack/oauth_redirect?" + urlencode(
        {"error": "access_denied", "state": state}), cookie)
    assert declined.status == 200 and "nothing was installed" in declined.read().decode()

    # No state, or one past its ten minutes: a page that says to start again.
    missing = get(running.port, "/slack/oauth_redirect?code=" + slack.emulator.grant(
        FIRST, MENTEE), cookie)
    assert missing.status == 400 and "start again" in missing.read().decode()
    state, cookie = start_install(running.port)
    with engine.begin() as connection:
        connection.execute(oauth_states.update().values(expire_at=datetime(2020, 1, 1)))
    expired = get(running.port, "/slack/oauth_redirect?" + urlencode(
        {"code": slack.emulator.grant(FIRST, MENTEE), "state": state}), cookie)
    assert expired.status == 400 and "start again" in expired.read().decode()

    install(slack, running.port, FIRST, MENTEE)
    install(slack, running.port, SECOND, NIA)
    make_active(slack, MENTEE, MENTOR)
    make_active(slack, NIA, OMAR)
    slack.emulator.wait_for_dm(NIA, "confirmed the agreement")  # the last of its replies
    slack.emulator.revoke(SECOND)
    slack.event({"type": "app_uninstalled"}, team_id=SECOND)
    slack.emulator.wait_for(lambda: not _bot_of(engine, SECOND), what="the token deleted")
    assert _bot_of(engine, FIRST)

    before = len(slack.emulator.calls)
    timeline.run_due(VIRTUAL_EPOCH + timedelta(days=20), **AWAKE)
    sent = [call for call in slack.emulator.calls[before:]
            if call.method == "chat.postMessage" and call.error is None]
    assert sent and {call.team for call in sent} == {FIRST}
    assert SECOND not in pending_teams(engine)
    assert SECOND in related_teams(engine)  # kept for the retention: 30 days by default

    # Back within the retention: everything as it was, and its nudges go on.
    install(slack, running.port, SECOND, NIA)
    assert SECOND in pending_teams(engine)
    slack.emulator.revoke(SECOND)
    slack.event({"type": "app_uninstalled"}, team_id=SECOND)
    slack.emulator.wait_for(lambda: not _bot_of(engine, SECOND), what="the token deleted")
    # Past the retention, the dispatcher deletes that workspace's data, and only its.
    timeline.run_due(VIRTUAL_EPOCH + timedelta(days=20 + 31), **AWAKE)
    assert related_teams(engine) == {FIRST}
    assert FIRST in pending_teams(engine)


AWAKE = {"QUIET_HOURS_START": "00:00", "QUIET_HOURS_END": "00:00"}


def pending_teams(engine) -> set[str]:
    with Session(engine) as session:
        return set(session.scalars(select(Nudge.team_id).where(Nudge.status == "pending")))


def related_teams(engine) -> set[str]:
    with Session(engine) as session:
        return set(session.scalars(select(Relationship.team_id)))


def _bot_of(engine, team_id: str) -> bool:
    with engine.connect() as connection:
        return connection.execute(select(bots.c.id).where(bots.c.team_id == team_id)).first() \
            is not None


ORG, PAM, QUIN, RAY, SAM = "E0ORG", "UORGMENTEE", "UORGMENTOR", "UORGMENTEE2", "UORGMENTOR2"
ORG_FIRST, ORG_SECOND = "T0ORGONE", "T0ORGTWO"


def test_an_org_wide_install_serves_each_workspace_of_the_organisation(installable, engine):
    running, slack, timeline = installable
    for user, name, team in ((PAM, "Pam", ORG_FIRST), (QUIN, "Quin", ORG_FIRST),
                             (RAY, "Ray", ORG_SECOND), (SAM, "Sam", ORG_SECOND)):
        slack.emulator.add_user(user, name, tz="Europe/Paris", team_id=team,
                                enterprise_id=ORG)
    state, cookie = start_install(running.port)
    code = slack.emulator.grant(ORG_FIRST, PAM, enterprise_id=ORG, org_wide=True)
    done = get(running.port, "/slack/oauth_redirect?" + urlencode(
        {"code": code, "state": state}), cookie)
    assert done.status == 200 and "Emulated Org" in done.read().decode()

    make_active(slack, PAM, QUIN)
    make_active(slack, RAY, SAM)
    # The install covers both workspaces: Pam (first) may ask Sam (second).
    invite(slack, PAM, SAM)
    # Sam has Ray's invitation, answered, already: wait for Pam's, still to answer.
    across = slack.emulator.wait_for(lambda: next(
        (m for m in reversed(slack.emulator.dms(SAM)) if "A mentoring invitation" in m.all_text
         and f"<@{PAM}>" in m.all_text and "invite_accept" in str(m.blocks)), None))
    slack.click(SAM, across, "invite_accept")
    slack.emulator.wait_for_dm(PAM, "accepted your invitation")
    before = len(slack.emulator.calls)
    timeline.run_due(VIRTUAL_EPOCH + timedelta(days=20), **AWAKE)
    sent = [call for call in slack.emulator.calls[before:] if call.method == "chat.postMessage"]
    # One organisation's token, for both of its workspaces' nudges.
    assert sent and {call.team for call in sent} == {ORG}
    assert {call.params["channel"] for call in sent if call.params["channel"][0] == "U"} \
        >= {PAM, RAY}
    # An organisation's rows are kept under its id, whichever workspace they began in.
    assert related_teams(engine) == {ORG}


def test_a_request_from_a_workspace_with_no_installation_is_acknowledged_and_ignored(
        installable, engine):
    running, slack, _ = installable
    reply = slack.event({"type": "app_home_opened", "user": MENTEE, "tab": "home",
                         "channel": "D0HOME"}, team_id=FIRST)
    assert reply.status == 200
    command = slack.slash(MENTEE, "help")
    assert command.status == 200
    assert not [call for call in slack.emulator.calls if call.method == "views.publish"]
    assert "has no installation: ignored" in running.log()


def test_tokens_gone_in_the_middle_of_a_dispatch_stop_that_workspace_only(installable,
                                                                          engine):
    """The uninstall's token deletion lands after the dispatcher checked the workspace:
    its nudges find no token and are held; the other workspace's go out."""
    running, slack, timeline = installable
    install(slack, running.port, FIRST, MENTEE)
    install(slack, running.port, SECOND, NIA)
    make_active(slack, MENTEE, MENTOR)
    make_active(slack, NIA, OMAR)
    slack.emulator.wait_for_dm(NIA, "confirmed the agreement")
    with engine.begin() as connection:
        connection.execute(bots.delete().where(bots.c.team_id == SECOND))
    before = len(slack.emulator.calls)
    outcome = timeline.run_due(VIRTUAL_EPOCH + timedelta(days=20), **AWAKE)
    assert outcome.get("stopped", 0) >= 1 and outcome.get("sent")
    sent = [call for call in slack.emulator.calls[before:]
            if call.method == "chat.postMessage" and call.error is None]
    assert {call.team for call in sent} == {FIRST}
    with Session(engine) as session:
        held = session.scalars(select(Nudge.last_error).where(
            Nudge.team_id == SECOND, Nudge.status == "paused")).all()
    assert held and set(held) == {"app_uninstalled"}


def test_two_dispatcher_processes_renew_an_expiring_token_once(installable, engine):
    """Two `run-due` processes find the same token about to expire: Slack's single-use
    refresh token is spent once (the advisory lock), and both send with the new token."""
    if engine.dialect.name == "sqlite":
        pytest.skip("the lock across processes is PostgreSQL's; SQLite runs one dispatcher")
    running, slack, timeline = installable
    install(slack, running.port, FIRST, MENTEE)
    make_active(slack, MENTEE, MENTOR)
    make_active(slack, "UMENTEE02", "UMENTOR02")  # so that each process has nudges to send
    token, refresh = slack.emulator.rotating_token(FIRST)
    with engine.begin() as connection:
        connection.execute(bots.update().where(bots.c.team_id == FIRST).values(
            bot_token=token, bot_refresh_token=refresh,
            bot_token_expires_at=datetime.now(UTC).replace(tzinfo=None)
            + timedelta(seconds=60)))
    before = len(slack.emulator.calls)
    # A slow renewal, so that the second process arrives while the first is renewing.
    slack.emulator.slow("oauth.v2.access", 3, times=2)
    due = (VIRTUAL_EPOCH + timedelta(days=20)).isoformat()
    runs = [subprocess.Popen([*mentorbot_command(), "run-due", "--at", due],
                             cwd=timeline.workdir, text=True, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE,
                             env={**timeline.env, "PORT": str(free_port()), **AWAKE,
                                  "NUDGE_BATCH_SIZE": "1"})
            for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    assert slack.emulator.refreshes == [refresh]
    sent = [call for call in slack.emulator.calls[before:]
            if call.method == "chat.postMessage" and call.error is None]
    assert sent and {call.team for call in sent} == {FIRST}


def test_hostile_install_requests_get_pages_not_errors(installable, engine):
    running = installable[0]
    for path in ("/slack/oauth_redirect?state=%3Cscript%3E&code=%00",
                 "/slack/oauth_redirect?error=%3Cb%3Ex%3C%2Fb%3E&state=x",
                 "/slack/oauth_redirect",
                 "/slack/install?team=%3Cscript%3E"):
        answer = get(running.port, path, "slack-app-oauth-state=%3Cscript%3E")
        page = answer.read().decode()
        assert answer.status < 500, (path, answer.status)
        assert "<script>" not in page and "<b>" not in page
    assert "Traceback" not in running.log() and "<script>" not in running.log()


def test_an_uninstall_ends_quietly_and_a_stranger_workspace_is_one_line(installable, engine):
    """Slack sends tokens_revoked, then app_uninstalled: the second finds no token left,
    which is the normal end of an install, not an error. A workspace never installed is
    named once, however often it writes."""
    running, slack, _ = installable
    install(slack, running.port, FIRST, MENTEE)
    slack.emulator.revoke(FIRST)
    slack.event({"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOT"]}},
                team_id=FIRST)
    slack.emulator.wait_for(lambda: not _bot_of(engine, FIRST), what="the token deleted")
    slack.event({"type": "app_uninstalled"}, team_id=FIRST)
    for _ in range(8):
        slack.event({"type": "app_home_opened", "user": MENTEE, "tab": "home",
                     "channel": "D0HOME"}, team_id=SECOND)
    time.sleep(1.0)
    log = running.log()
    assert " ERROR " not in log and "Traceback" not in log, log[-2000:]
    # Once per process: the server runs two workers.
    assert 1 <= log.count(f"workspace {SECOND}, which has no installation") <= 2
    assert "uninstalled" in log


def readiness(port: int) -> tuple[int, dict]:
    answer = get(port, "/readyz")
    return answer.status, json.loads(answer.read())


def test_readiness_with_add_to_slack_checks_the_app_credentials_and_the_store(
        installable, emulator, database_url, engine, tmp_path):
    running, slack, _ = installable
    assert readiness(running.port) == (200, {"status": "ready", "database": "reachable",
                                              "installations": 0, "slack_app": "ok"})
    install(slack, running.port, FIRST, MENTEE)
    # A minute's cache per process: the count is read at each call, Slack once a minute.
    assert readiness(running.port)[1]["installations"] == 1
    # Its token is kept sealed; the app reads it and works with it.
    with engine.connect() as connection:
        stored = connection.execute(select(bots.c.bot_token)).scalar_one()
    assert not stored.startswith("xox") and stored.startswith("gAAAAA")
    slack.slash(MENTEE, "ready")  # views.open, with the token read back from the store
    slack.emulator.wait_for_view(MENTEE, "readiness")

    clock = tmp_path / "clock"
    (tmp_path / "wrong").mkdir()
    wrong = start_server([*mentorbot_command(), "serve"], installable_env(
        emulator, database_url, clock, SLACK_CLIENT_SECRET="not-the-secret"),
        tmp_path / "wrong")
    try:
        status, body = readiness(wrong.port)
        assert status == 503 and body["slack_app"] == "invalid_client_id"
    finally:
        wrong.stop()


def test_slack_unreachable_during_the_callback_gets_a_page_to_try_again(
        emulator, database_url, clean_db, tmp_path):
    clock = tmp_path / "clock"
    set_virtual_time(clock, VIRTUAL_EPOCH)
    env = installable_env(emulator, database_url, clock,
                          SLACK_API_URL=f"http://127.0.0.1:{free_port()}/api/")
    running = start_server([*mentorbot_command(), "serve"], env, tmp_path)
    try:
        state, cookie = start_install(running.port)
        answer = get(running.port, "/slack/oauth_redirect?" + urlencode(
            {"code": "a-code", "state": state}), cookie)
        page = answer.read().decode()
        assert answer.status == 503 and "try again" in page
        assert answer.getheader("Content-Type").startswith("text/html")
        log = running.log()
        assert "Traceback" not in log and "install failed: URLError" in log
    finally:
        running.stop()

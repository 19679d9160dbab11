"""Token rotation for installed workspaces: an expiring bot token is renewed before use,
once, however many dispatchers need it at the same moment (Slack's refresh token is good
once); a renewal Slack refuses stops that workspace only."""

from __future__ import annotations

import threading
import time

import pytest
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Bot
from slack_sdk.oauth.token_rotation import TokenRotator

from bot.db.engine import make_session_factory
from bot.db.uow import UnitOfWork
from bot.slack.installations import RefreshFailed, Tokens, installation_store

TEAM = "T0ROTATE"


def dispatcher(emulator, engine) -> Tokens:
    """What one dispatcher process holds: its own store, rotator and locks."""
    factory = make_session_factory(engine)
    rotator = TokenRotator(client_id=emulator.client_id, client_secret=emulator.client_secret,
                           client=WebClient(base_url=emulator.api_url))
    return Tokens(None, installation_store(emulator.client_id, engine),
                  lambda: UnitOfWork(make_session_factory(engine, read_only=True)),
                  lambda: UnitOfWork(factory), rotator)


def install_expiring(emulator, engine, team_id: str = TEAM, in_seconds: int = 60) -> str:
    token, refresh = emulator.rotating_token(team_id)
    installation_store(emulator.client_id, engine).save_bot(Bot(
        app_id="A0MENTORBOT", enterprise_id=None, team_id=team_id, bot_token=token,
        bot_refresh_token=refresh, bot_token_expires_at=int(time.time()) + in_seconds,
        bot_id="BBOT", bot_user_id="UBOT", installed_at=time.time()))
    return token


def test_two_dispatchers_renew_an_expiring_token_once(emulator, clean_db):
    if clean_db.dialect.name == "sqlite":
        pytest.skip("the lock across processes is PostgreSQL's; SQLite runs one dispatcher")
    emulator.reset()
    old = install_expiring(emulator, clean_db)
    dispatchers = [dispatcher(emulator, clean_db) for _ in range(2)]
    start, got = threading.Barrier(2), []

    def renew(tokens: Tokens) -> None:
        start.wait()
        got.append(tokens.for_team(TEAM))

    threads = [threading.Thread(target=renew, args=(d,)) for d in dispatchers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(emulator.refreshes) == 1  # one refresh token, spent once
    assert len(got) == 2 and got[0] == got[1] != old
    assert emulator.tokens[got[0]] == TEAM
    # Stored: a third dispatcher takes the renewed token without renewing again.
    assert dispatcher(emulator, clean_db).for_team(TEAM) == got[0]
    assert len(emulator.refreshes) == 1


def test_a_token_far_from_expiry_is_not_renewed(emulator, clean_db):
    emulator.reset()
    token = install_expiring(emulator, clean_db, in_seconds=12 * 3600)
    assert dispatcher(emulator, clean_db).for_team(TEAM) == token
    assert emulator.refreshes == []


def test_a_refused_renewal_stops_that_workspace_only(emulator, clean_db):
    emulator.reset()
    install_expiring(emulator, clean_db)
    emulator.refresh_tokens.clear()  # Slack no longer knows that refresh token
    healthy = install_expiring(emulator, clean_db, team_id="T0HEALTHY", in_seconds=60)
    tokens = dispatcher(emulator, clean_db)
    with pytest.raises(RefreshFailed):
        tokens.for_team(TEAM)
    renewed = tokens.for_team("T0HEALTHY")
    assert renewed != healthy and emulator.tokens[renewed] == "T0HEALTHY"

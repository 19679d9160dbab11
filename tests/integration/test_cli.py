"""`mentorbot` as an operator runs it: each test starts the command in a subprocess and
reads what it says and how it exits."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime

import pytest

from tests.conftest import mentorbot_command


def run(args: list[str], tmp_path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_"))}
    clean.update(env)
    return subprocess.run([*mentorbot_command(), *args], cwd=tmp_path, env=clean,
                          capture_output=True, text=True, timeout=60)


def test_serve_without_a_signing_secret_names_it_and_exits_2(tmp_path):
    result = run(["serve"], tmp_path, SLACK_BOT_TOKEN="xoxb-1")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "SLACK_SIGNING_SECRET is not set" in lines[0] and "Signing Secret" in lines[0]


def test_a_user_token_where_a_bot_token_belongs_is_refused(tmp_path):
    result = run(["serve"], tmp_path, SLACK_BOT_TOKEN="xoxp-123", SLACK_SIGNING_SECRET="s")
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN is invalid (must start with xoxb-)" in result.stderr


def test_a_bad_port_is_named(tmp_path):
    result = run(["serve"], tmp_path, PORT="99999")
    assert result.returncode == 2 and result.stderr.startswith("mentorbot: PORT is invalid")


def test_socket_mode_needs_an_app_token(tmp_path):
    result = run(["socket"], tmp_path, SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s")
    assert result.returncode == 2 and "SLACK_APP_TOKEN is not set" in result.stderr


def test_an_unreachable_database_is_one_clear_line(tmp_path):
    result = run(["migrate"], tmp_path,
                 DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "DATABASE_URL cannot be used" in result.stderr


def test_run_due_refuses_a_malformed_instant(tmp_path):
    result = run(["run-due", "--at", "next tuesday"], tmp_path,
                 DATABASE_URL=f"sqlite:///{tmp_path}/x.db")
    assert result.returncode == 2 and "ISO-8601" in result.stderr


def test_a_virtual_clock_that_cannot_be_read_is_named_before_serving(tmp_path):
    (tmp_path / "clock").write_text("next tuesday")
    result = run(["serve"], tmp_path, SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s",
                 VIRTUAL_CLOCK_FILE=str(tmp_path / "clock"))
    assert result.returncode == 2
    assert "VIRTUAL_CLOCK_FILE" in result.stderr and "ISO-8601" in result.stderr


def test_a_bad_log_level_is_one_line_and_dotenv_sets_it(tmp_path):
    result = run(["migrate"], tmp_path, LOG_LEVEL="LOUD",
                 DATABASE_URL=f"sqlite:///{tmp_path}/x.db")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "mentorbot: LOG_LEVEL is invalid (Input should be 'DEBUG', 'INFO', 'WARNING', "
        "'ERROR' or 'CRITICAL'): use DEBUG, INFO, WARNING or ERROR."]
    (tmp_path / ".env").write_text("LOG_LEVEL=debug\n")
    env = {k: v for k, v in os.environ.items() if k != "LOG_LEVEL"}
    debug = subprocess.run([*mentorbot_command(), "migrate"], cwd=tmp_path, capture_output=True,
                           text=True, timeout=60,
                           env={**env, "DATABASE_URL": f"sqlite:///{tmp_path}/y.db"})
    assert debug.returncode == 0 and "DEBUG" in debug.stderr


@pytest.mark.parametrize("at", ["2026-12-01T09:00:00", "2026-12-01", ""])
def test_run_due_wants_a_time_with_an_offset(tmp_path, at):
    result = run(["run-due", "--at", at], tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/x.db")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "offset" in result.stderr or "ISO-8601" in result.stderr


def test_run_due_is_quiet_by_default(tmp_path):
    result = run(["run-due", "--at", "2026-12-01T09:00:00Z"], tmp_path,
                 DATABASE_URL=f"sqlite:///{tmp_path}/x.db", SLACK_BOT_TOKEN="xoxb-1",
                 LOG_LEVEL="INFO")
    assert result.returncode == 0, result.stderr
    assert "alembic" not in result.stderr and "will be unused" not in result.stderr


def test_a_schema_newer_than_this_release_is_refused_and_one_behind_waits_for_migrate(
        tmp_path):
    import sqlite3

    url = f"sqlite:///{tmp_path}/x.db"
    assert run(["migrate"], tmp_path, DATABASE_URL=url).returncode == 0
    base = {"DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-1"}
    with sqlite3.connect(tmp_path / "x.db") as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
        # A newer release that only expanded: this one may still run on it, not migrate.
        db.execute("UPDATE schema_floor SET revision = '0016'")
    assert run(["run-due"], tmp_path, **base).returncode == 0
    with sqlite3.connect(tmp_path / "x.db") as db:
        # One that dropped what this release reads.
        db.execute("UPDATE schema_floor SET revision = '9998'")
    for command in (["migrate"], ["run-due"]):
        newer = run(command, tmp_path, **base)
        assert newer.returncode == 2
        assert "revision 9999, newer than this mentorbot knows" in newer.stderr
    from alembic import command
    from sqlalchemy import create_engine

    from bot.db.migrate import alembic_config

    url = f"sqlite:///{tmp_path}/behind.db"
    base["DATABASE_URL"] = url
    config = alembic_config()
    engine = create_engine(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0019")
    engine.dispose()
    behind = run(["run-due"], tmp_path, MIGRATE_ON_START="false", **base)
    assert behind.returncode == 2 and "run `mentorbot migrate` first" in behind.stderr
    assert run(["migrate"], tmp_path, **base).returncode == 0
    assert run(["run-due"], tmp_path, MIGRATE_ON_START="false", **base).returncode == 0



def test_purge_workspace_deletes_that_workspace_only_and_checks_the_id(tmp_path):
    import sqlite3

    url = f"sqlite:///{tmp_path}/x.db"
    assert run(["migrate"], tmp_path, DATABASE_URL=url).returncode == 0
    with sqlite3.connect(tmp_path / "x.db") as db:
        for team in ("T0GONE", "T0STAYS"):
            db.execute("INSERT INTO workspaces (team_id, installed_at, org_install) "
                       "VALUES (?, '2026-11-01 00:00:00', 0)", (team,))
            db.execute("INSERT INTO readiness_answers VALUES (?, 'U1', 'a', 'b', 'c', 'd', "
                       "'2026-11-01 00:00:00')", (team,))
    bad = run(["purge-workspace", "gone; drop table"], tmp_path, DATABASE_URL=url)
    assert bad.returncode == 2 and "is not a workspace id" in bad.stderr
    done = run(["purge-workspace", "T0GONE"], tmp_path, DATABASE_URL=url)
    assert done.returncode == 0 and "workspace T0GONE: 2 rows deleted" in done.stdout
    with sqlite3.connect(tmp_path / "x.db") as db:
        left = db.execute("SELECT team_id FROM readiness_answers").fetchall()
    assert left == [("T0STAYS",)]


def test_the_version_is_the_packages():
    from importlib.metadata import version

    result = subprocess.run([*mentorbot_command(), "--version"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"mentorbot {version('mentorbot')}"


def oauth_env(tmp_path, **extra: str) -> dict:
    return {"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "secret",
            "SLACK_SIGNING_SECRET": "s", "DATABASE_URL": f"sqlite:///{tmp_path}/m.db",
            **extra}


def test_add_to_slack_without_a_token_key_is_refused_unless_plain_text_is_chosen(tmp_path):
    refused = run(["migrate"], tmp_path, **oauth_env(tmp_path))
    assert refused.returncode == 2 and "TOKEN_ENCRYPTION_KEY is not set" in refused.stderr
    assert "mentorbot token-key" in refused.stderr and "Traceback" not in refused.stderr
    allowed = run(["migrate"], tmp_path, **oauth_env(tmp_path, ALLOW_PLAINTEXT_TOKENS="true"))
    assert allowed.returncode == 0, allowed.stderr


def test_stored_tokens_are_sealed_at_migrate_and_a_wrong_key_changes_nothing(tmp_path):
    from sqlalchemy import create_engine, insert, select

    from bot.db.models import bots
    from bot.slack.token_cipher import TokenCipher

    key = run(["token-key"], tmp_path).stdout.strip()
    assert run(["migrate"], tmp_path, **oauth_env(tmp_path, ALLOW_PLAINTEXT_TOKENS="true")
               ).returncode == 0
    engine = create_engine(f"sqlite:///{tmp_path}/m.db")
    with engine.begin() as connection:  # as a release before encryption stored it
        connection.execute(insert(bots).values(
            client_id="1.2", app_id="A1", team_id="T1", bot_token="xoxb-1-plain",
            bot_id="B1", bot_user_id="U1", installed_at=datetime(2026, 1, 1)))

    def stored() -> str:
        with engine.connect() as connection:
            return connection.execute(select(bots.c.bot_token)).scalar_one()

    assert run(["migrate"], tmp_path, **oauth_env(tmp_path, TOKEN_ENCRYPTION_KEY=key)
               ).returncode == 0
    sealed = stored()
    assert "xoxb" not in sealed and TokenCipher([key]).open(sealed) == "xoxb-1-plain"

    wrong = run(["migrate"], tmp_path, **oauth_env(
        tmp_path, TOKEN_ENCRYPTION_KEY=run(["token-key"], tmp_path).stdout.strip()))
    assert wrong.returncode == 2 and "cannot open a stored token" in wrong.stderr
    assert "Nothing was changed" in wrong.stderr and stored() == sealed
    malformed = run(["migrate"], tmp_path, **oauth_env(tmp_path,
                                                       TOKEN_ENCRYPTION_KEY="not-a-key"))
    assert malformed.returncode == 2 and "TOKEN_ENCRYPTION_KEY is invalid" in malformed.stderr
    assert "not-a-key" not in malformed.stderr

"""Configuration: one line naming the variable and what to do, exit 2, no traceback."""

from __future__ import annotations

import pytest

from bot.support.settings import ConfigError, load_settings


def test_settings_come_from_dotenv_and_tokens_stay_secret(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / ".env").write_text("SLACK_BOT_TOKEN=xoxb-from-dotenv\nMENTOR_LIMIT=5\n")
    settings = load_settings()
    assert settings.slack_bot_token.get_secret_value() == "xoxb-from-dotenv"
    assert "xoxb-from-dotenv" not in repr(settings) and settings.mentor_limit == 5
    assert settings.database_url == "sqlite:///mentorbot.db"


def test_plain_postgres_urls_use_psycopg_3():
    settings = load_settings(database_url="postgresql://u@h/db")
    assert settings.database_url == "postgresql+psycopg://u@h/db"


def test_require_names_the_first_missing_setting():
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN is not set"):
        load_settings(slack_bot_token="xoxb-1").require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")


def test_coordinators_come_from_a_setting_and_admins_from_slack():
    from types import SimpleNamespace

    from bot.flows.report import may_see_report

    settings = load_settings(coordinators=" UCOORD1, UCOORD2 ,,")
    assert settings.coordinator_ids == {"UCOORD1", "UCOORD2"}
    asked = []
    directory = SimpleNamespace(
        is_workspace_admin=lambda team, user: asked.append((team, user)) or False)
    deps = SimpleNamespace(settings=settings, directory=directory)
    assert may_see_report(deps, "T1", "UCOORD2") and asked == []  # no Slack call needed
    assert not may_see_report(deps, "T1", "USOMEONE") and asked == [("T1", "USOMEONE")]


def test_systemd_credentials_fill_what_the_environment_leaves_unset(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "from-the-environment")
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "SLACK_BOT_TOKEN").write_text("xoxb-from-a-credential")
    (credentials / "SLACK_SIGNING_SECRET").write_text("from-a-credential")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    settings = load_settings()
    assert settings.slack_bot_token.get_secret_value() == "xoxb-from-a-credential"
    assert settings.slack_signing_secret.get_secret_value() == "from-the-environment"


@pytest.mark.parametrize("name, value", [("BIND_ADDRESS", "localhost:80"),
                                         ("METRICS_ADDRESS", "127.0.0.1"),
                                         ("METRICS_ADDRESS", "nowhere:9100")])
def test_addresses_to_listen_on_are_checked(name, value, monkeypatch):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=name):
        load_settings()


def test_an_internal_listener_is_read_as_host_and_port(monkeypatch):
    monkeypatch.setenv("METRICS_ADDRESS", "10.0.0.5:9100")
    assert load_settings().metrics_listener == ("10.0.0.5", 9100)

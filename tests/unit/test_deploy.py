"""The systemd unit and the environment template name a real command and real settings;
the unit gives SQLite a home, takes secrets as credentials, and leaves little reachable."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.support.settings import Settings
from bot.wiring.cli import _parser

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNIT = DEPLOY / "mentorbot.service"
# Set by the tests and the demo, never by an operator.
NOT_FOR_OPERATORS = {"SLACK_API_URL", "VIRTUAL_CLOCK_FILE"}


def _commands_in(unit: str) -> list[str]:
    return re.findall(r"^Exec\w*=\S*/mentorbot (\S+)", unit, re.MULTILINE)


def test_the_unit_migrates_then_serves_with_commands_the_cli_has():
    unit = (DEPLOY / "mentorbot.service").read_text()
    assert _commands_in(unit) == ["migrate", "serve"]
    known = set(_parser()._subparsers._group_actions[0].choices)
    assert {"migrate", "serve", "dispatch", "run-due"} <= known
    assert "EnvironmentFile=/etc/mentorbot/mentorbot.env" in unit
    assert "PROMETHEUS_MULTIPROC_DIR=/run/mentorbot-metrics" in unit
    assert "RuntimeDirectory=mentorbot-metrics" in unit


def test_every_variable_in_the_template_is_a_setting_and_the_secrets_are_there():
    template = (DEPLOY / "mentorbot.env.example").read_text()
    named = re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", template, re.MULTILINE)
    assert set(named) <= {name.upper() for name in Settings.model_fields}
    assert {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "DATABASE_URL",
            "SCHEDULER_ENABLED", "MIGRATE_ON_START", "LOG_FORMAT"} <= set(named)


def test_every_setting_is_in_the_template_oauth_mode_included():
    template = (DEPLOY / "mentorbot.env.example").read_text()
    named = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", template, re.MULTILINE))
    assert {name.upper() for name in Settings.model_fields} - NOT_FOR_OPERATORS - named == set()
    assert {"SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "COORDINATORS",
            "UNINSTALL_RETENTION_DAYS"} <= named


def directives() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in UNIT.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            name, value = line.split("=", 1)
            found.setdefault(name, []).append(value)
    return found


def test_sqlite_has_a_writable_home_and_secrets_come_as_credentials():
    unit = directives()
    assert unit["StateDirectory"] == ["mentorbot"]
    assert unit["WorkingDirectory"] == ["/var/lib/mentorbot"]  # sqlite:///mentorbot.db
    assert unit["ProtectSystem"] == ["strict"] and unit["UMask"] == ["0077"]
    assert any(v.startswith("SLACK_SIGNING_SECRET:") for v in unit["LoadCredential"])


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_rates_its_exposure_at_most_4_9():
    result = subprocess.run(["systemd-analyze", "security", "--offline=true", str(UNIT)],
                            capture_output=True, text=True, timeout=60)
    [level] = re.findall(r"Overall exposure level for \S+: ([0-9.]+)", result.stdout)
    assert float(level) <= 4.9, result.stdout

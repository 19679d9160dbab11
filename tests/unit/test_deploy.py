"""The systemd unit and the environment template name a real command and real settings."""

from __future__ import annotations

import re
from pathlib import Path

from bot.support.settings import Settings
from bot.wiring.cli import _parser

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


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

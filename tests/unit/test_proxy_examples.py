"""The README's proxy examples route every path Slack and browsers use, and keep the
internal ones (readiness, metrics) off the public side."""

from __future__ import annotations

import re
from pathlib import Path

from bot.slack.install_pages import INSTALL_PATH, REDIRECT_PATH
from bot.wiring.server import EVENTS_PATH, HEALTH_PATH, METRICS_PATH, READY_PATH

README = Path(__file__).resolve().parents[2] / "README.md"
PUBLIC = {EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH}
INTERNAL = {READY_PATH, METRICS_PATH}


def block(language: str) -> str:
    [found] = re.findall(rf"```{language}\n(.*?)```", README.read_text(), re.S)
    return found


def test_caddy_passes_the_public_paths_and_nothing_internal():
    caddy = block("caddy")
    [matcher] = re.findall(r"@slack path (.+)", caddy)
    passed = set(matcher.split())
    assert passed >= PUBLIC and not passed & INTERNAL
    assert passed <= PUBLIC | {HEALTH_PATH}
    assert "handle @slack" in caddy and "respond 404" in caddy


def test_nginx_passes_the_public_paths_and_nothing_internal():
    nginx = block("nginx")
    passed = set(re.findall(r"location = (\S+) \{ proxy_pass", nginx))
    assert passed >= PUBLIC and not passed & INTERNAL
    assert passed <= PUBLIC | {HEALTH_PATH}
    assert "location / { return 404; }" in nginx
    # Slack's largest payloads stay under the app's own limit; the proxy must allow them.
    assert "client_max_body_size 1m;" in nginx

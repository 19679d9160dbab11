"""The manifest and the app agree on every command, callback and event, both ways."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import yaml

from handlers import register_listeners

MANIFEST = Path(__file__).resolve().parents[2] / "manifest.yml"


class RecordingApp:
    """Stands in for a Bolt App and notes what each listener is registered for."""

    def __init__(self) -> None:
        self.registered: dict[str, set[str]] = {"command": set(), "event": set(),
                                                "view": set(), "action": set(),
                                                "shortcut": set()}

    def __getattr__(self, kind: str):
        if kind not in self.registered:
            raise AttributeError(kind)

        def register(key: str):
            self.registered[kind].add(key)
            return lambda function: function

        return register


def registered() -> dict[str, set[str]]:
    from concurrent.futures import ThreadPoolExecutor

    app = RecordingApp()
    register_listeners(app, ThreadPoolExecutor(max_workers=1))
    return app.registered


def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text())


def test_commands_match():
    commands = {c["command"] for c in manifest()["features"]["slash_commands"]}
    assert commands == registered()["command"] == {"/mentor"}


def test_events_match():
    assert set(manifest()["settings"]["event_subscriptions"]["bot_events"]) == (
        registered()["event"])


def test_shortcut_callback_ids_match():
    shortcuts = {s["callback_id"] for s in manifest()["features"].get("shortcuts", [])}
    assert shortcuts == registered()["shortcut"]


def test_every_modal_the_app_sends_has_a_listener_for_its_submission():
    import bot.messages.invitation as inv
    import bot.messages.readiness as ready
    from bot.messages import ids

    submitted = {ids.READINESS_VIEW, ids.INVITE_COMPOSE_VIEW, ids.INVITE_PREVIEW_VIEW,
                 ids.COUNTER_VIEW, ids.DECLINE_VIEW, ids.AGREEMENT_VIEW, ids.SCHEDULE_VIEW,
                 ids.AGENDA_VIEW, ids.AFTER_VIEW, ids.COMPLETE_VIEW, ids.CONTINUE_VIEW,
                 ids.END_VIEW, ids.ASK_CHANGE_VIEW, ids.REMINDERS_VIEW, ids.FOLLOW_UP_VIEW,
                 ids.OFFER_VIEW, ids.USUAL_TIMES_VIEW}
    assert submitted == registered()["view"]
    assert ready.readiness_modal(None)["callback_id"] in submitted
    assert inv.preview_modal(1, "U1", [])["callback_id"] in submitted


def test_interactivity_and_events_point_at_the_served_path():
    settings = manifest()["settings"]
    assert settings["interactivity"]["is_enabled"] is True
    for url in (settings["interactivity"]["request_url"],
                settings["event_subscriptions"]["request_url"],
                *(c["url"] for c in manifest()["features"]["slash_commands"])):
        assert url.endswith("/slack/events")
    assert manifest()["features"]["slash_commands"][0]["should_escape"] is True


def test_scopes_are_the_smallest_that_work():
    assert set(manifest()["oauth_config"]["scopes"]["bot"]) == {
        "commands", "chat:write", "users:read", "files:write", "im:write",
        "im:history", "mpim:write"}
    # The email scope is a documented step, for calendar invitations by email only.
    assert "add users:read.email here" in MANIFEST.read_text()


def test_the_bots_messages_tab_is_read_only_since_nothing_typed_there_is_read():
    app_home = manifest()["features"]["app_home"]
    assert app_home["messages_tab_enabled"] is True
    assert app_home["messages_tab_read_only_enabled"] is True


def test_add_to_slack_asks_for_the_manifests_scopes_and_comes_back_to_the_served_path():
    from bot.slack.install_pages import REDIRECT_PATH
    from bot.slack.installations import BOT_SCOPES

    oauth = manifest()["oauth_config"]
    assert set(BOT_SCOPES) == set(oauth["scopes"]["bot"])
    assert [urlparse(url).path for url in oauth["redirect_urls"]] == [REDIRECT_PATH]


def test_the_org_wide_install_the_readme_describes_is_allowed():
    readme = (MANIFEST.parent / "README.md").read_text()
    assert "org-wide install" in readme
    assert manifest()["settings"]["org_deploy_enabled"] is True
    # and the redirect the install comes back to is the one the app serves
    from bot.slack.install_pages import REDIRECT_PATH

    [redirect] = manifest()["oauth_config"]["redirect_urls"]
    assert urlparse(redirect).path == REDIRECT_PATH


def test_add_to_slack_asks_for_emails_only_when_they_are_sent():
    from bot.slack.installations import EMAIL_SCOPE, bot_scopes

    assert EMAIL_SCOPE not in bot_scopes(emails_calendars=False)
    assert EMAIL_SCOPE in bot_scopes(emails_calendars=True)

"""Bolt listeners, one package per Slack surface, and the Block Kit they send."""

from slack_bolt import App

from handlers import actions, commands, events, views
from handlers.guard import GuardedApp


def register_listeners(app: App) -> None:
    guarded = GuardedApp(app)
    commands.register(guarded)
    actions.register(guarded)
    views.register(guarded)
    events.register(guarded)

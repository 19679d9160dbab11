"""Bolt listeners, one package per Slack surface, and the Block Kit they send."""

from concurrent.futures import Executor

from slack_bolt import App

from handlers import actions, commands, events, views
from handlers.guard import GuardedApp


def register_listeners(app: App, executor: Executor) -> None:
    guarded = GuardedApp(app, executor)
    commands.register(guarded)
    actions.register(guarded)
    views.register(guarded)
    events.register(guarded)

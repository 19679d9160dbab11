"""How listeners reach the process's dependencies: Bolt's context, set by one middleware."""

from __future__ import annotations

from slack_bolt import BoltContext

from bot.wiring.container import Deps

DEPS_KEY = "mentorbot_deps"


def deps_of(context: BoltContext) -> Deps:
    return context[DEPS_KEY]

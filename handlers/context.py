"""How listeners reach the process's dependencies (Bolt's context, set by one middleware)
and the flows' Slack port."""

from __future__ import annotations

from slack_bolt import BoltContext

from bot.flows.deps import Deps
from bot.flows.port import SlackPort
from bot.slack.web_port import WebPort

DEPS_KEY = "mentorbot_deps"


def deps_of(context: BoltContext) -> Deps:
    return context[DEPS_KEY]


def slack_of(context: BoltContext) -> SlackPort:
    """The flows' Slack, through this request's own client (its workspace's token)."""
    return WebPort(context.client)

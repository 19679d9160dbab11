"""A local Slack: a Web API emulator and a driver that talks to the app as Slack does."""

from slack_emulator.driver import Reply, SlackDriver
from slack_emulator.server import Call, SlackEmulator

__all__ = ["Call", "Reply", "SlackDriver", "SlackEmulator"]

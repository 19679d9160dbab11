"""The little of Slack that flows use: post, update, open a conversation, upload, read a
DM's recent history, publish a Home. One adapter talks to Slack's Web API
(`bot/slack/web_port.py`); tests give flows a fake that records."""

from __future__ import annotations

from typing import Protocol

from bot.services.relationships import MessageRef


class SlackPort(Protocol):
    def post(self, channel: str, text: str, blocks: list[dict] | None = None, *,
             metadata: dict | None = None) -> MessageRef:
        """A new message; `channel` may be a user id (their DM with the app)."""

    def update(self, where: MessageRef, text: str, blocks: list[dict]) -> None:
        """The message at `where`, rewritten in place."""

    def open_conversation(self, *user_ids: str) -> str:
        """The DM (one person) or group DM (several) with the app: the same one each time."""

    def upload(self, channel: str, content: str | bytes, filename: str, title: str, *,
               thread_ts: str | None = None) -> None:
        """A file, in the thread of `thread_ts` when given (no new message then)."""

    def history(self, channel: str, limit: int) -> list[dict]:
        """The newest messages of a conversation, with their metadata."""

    def publish_home(self, user_id: str, view: dict) -> None:
        """The person's App Home, replaced whole."""

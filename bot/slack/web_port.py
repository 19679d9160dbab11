"""The flows' Slack port over Slack's Web API: each call is one Web API method.

Slack's refusals come through as slack_sdk's SlackApiError, which the flows and the
dispatcher classify (a person gone, a workspace gone, a Retry-After, a 5xx)."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.services.relationships import MessageRef


class WebPort:
    def __init__(self, client: WebClient) -> None:
        self.client = client

    def post(self, channel: str, text: str, blocks: list[dict] | None = None, *,
             metadata: dict | None = None) -> MessageRef:
        sent = self.client.chat_postMessage(channel=channel, text=text, blocks=blocks,
                                            metadata=metadata)
        return MessageRef(sent["channel"], sent["ts"])

    def update(self, where: MessageRef, text: str, blocks: list[dict]) -> None:
        self.client.chat_update(channel=where.channel, ts=where.ts, text=text, blocks=blocks)

    def open_conversation(self, *user_ids: str) -> str:
        return self.client.conversations_open(users=",".join(user_ids))["channel"]["id"]

    def upload(self, channel: str, content: str | bytes, filename: str, title: str, *,
               thread_ts: str | None = None) -> None:
        self.client.files_upload_v2(channel=channel, content=content, filename=filename,
                                    title=title, **({"thread_ts": thread_ts} if thread_ts
                                                    else {}))

    def history(self, channel: str, limit: int) -> list[dict]:
        found = self.client.conversations_history(channel=channel, limit=limit,
                                                  include_all_metadata=True)
        return list(found["messages"])

    def publish_home(self, user_id: str, view: dict) -> None:
        self.client.views_publish(user_id=user_id, view=view)

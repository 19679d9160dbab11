"""The pair's conversation: one group DM of the mentee, the mentor and mentorbot, opened
once, where what both need is said once for both.

When Slack will not open it (a person has left, or group DMs are refused) the caller
falls back to each person's DM with mentorbot, and the pair goes on."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services import relationships
from bot.services.relationships import MessageRef, RelationshipView
from bot.wiring.container import Deps

log = logging.getLogger(__name__)

# Slack's answers that mean the stored group DM can no longer be written to.
GONE = {"channel_not_found", "is_archived", "not_in_channel", "channel_is_archived"}


def conversation(client: WebClient, deps: Deps, rel: RelationshipView) -> str | None:
    """The two's group DM, opened on first use and kept; Slack gives the same one back
    for the same people, so it is never duplicated."""
    if rel.pair_channel:
        return rel.pair_channel
    try:
        opened = client.conversations_open(users=f"{rel.mentee_id},{rel.mentor_id}")
    except SlackApiError as error:
        log.info("relationship %s: no group DM (%s); DMs instead", rel.id,
                 error.response.get("error"))
        return None
    channel = opened["channel"]["id"]
    with deps.uow() as uow:
        relationships.remember_pair_channel(uow, rel.id, channel)
    return channel


def post(client: WebClient, deps: Deps, rel: RelationshipView, text: str,
         blocks: list[dict]) -> MessageRef | None:
    """Post once for both; None when their conversation can't take it (say it in DMs)."""
    channel = conversation(client, deps, rel)
    if channel is None:
        return None
    try:
        sent = client.chat_postMessage(channel=channel, text=text, blocks=blocks)
    except SlackApiError as error:
        if error.response.get("error") not in GONE:
            raise
        log.info("relationship %s: group DM gone (%s); DMs instead", rel.id,
                 error.response.get("error"))
        with deps.uow() as uow:
            relationships.remember_pair_channel(uow, rel.id, None)
        return None
    return MessageRef(sent["channel"], sent["ts"])


def attach(client: WebClient, where: MessageRef, content: str, filename: str,
           title: str) -> None:
    """A file in the thread of `where`: there when wanted, and no new message."""
    client.files_upload_v2(channel=where.channel, thread_ts=where.ts, content=content,
                           filename=filename, title=title)

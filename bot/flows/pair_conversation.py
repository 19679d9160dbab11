"""The pair's conversation: one group DM of the mentee, the mentor and mentorbot, opened
once, where what both need is said once for both.

When Slack will not open it (a person has left, or group DMs are refused) the caller
falls back to each person's DM with mentorbot, and the pair goes on."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.flows.deps import Deps
from bot.flows.port import SlackPort
from bot.services import relationships
from bot.services.relationships import MessageRef, RelationshipView

log = logging.getLogger(__name__)

# Slack's answers that mean the stored group DM can no longer be written to.
GONE = {"channel_not_found", "is_archived", "not_in_channel", "channel_is_archived"}


def conversation(slack: SlackPort, deps: Deps, rel: RelationshipView) -> str | None:
    """The two's group DM, opened on first use and kept; Slack gives the same one back
    for the same people, so it is never duplicated."""
    if rel.pair_channel:
        return rel.pair_channel
    try:
        channel = slack.open_conversation(rel.mentee_id, rel.mentor_id)
    except SlackApiError as error:
        log.info("relationship %s: no group DM (%s); DMs instead", rel.id,
                 error.response.get("error"))
        return None
    with deps.uow() as uow:
        relationships.remember_pair_channel(uow, rel.id, channel)
    return channel


def post(slack: SlackPort, deps: Deps, rel: RelationshipView, text: str,
         blocks: list[dict]) -> MessageRef | None:
    """Post once for both; None when their conversation can't take it (say it in DMs)."""
    channel = conversation(slack, deps, rel)
    if channel is None:
        return None
    try:
        return slack.post(channel, text, blocks)
    except SlackApiError as error:
        if error.response.get("error") not in GONE:
            raise
        log.info("relationship %s: group DM gone (%s); DMs instead", rel.id,
                 error.response.get("error"))
        with deps.uow() as uow:
            relationships.remember_pair_channel(uow, rel.id, None)
        return None


def attach(slack: SlackPort, where: MessageRef, content: str, filename: str,
           title: str) -> None:
    """A file in the thread of `where`: there when wanted, and no new message."""
    slack.upload(where.channel, content, filename, title, thread_ts=where.ts)

"""Buttons on nudges."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.services import invitations
from handlers.actions.invitation import relationship_id, replace_clicked
from handlers.blocks.follow_ups import follow_up_for_mentor, follow_up_sent
from handlers.context import deps_of
from handlers.dm import send_dm
from handlers.replies import attempt


def send_follow_up(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    """The mentee's one polite follow-up, sent to the mentor in their name."""
    ack()
    deps = deps_of(context)
    rel = attempt(deps, respond, lambda uow: invitations.record_follow_up(
        uow, context.team_id, relationship_id(body), context.user_id, deps.now()))
    if rel is None:
        return
    send_dm(client, rel.mentor_id, follow_up_for_mentor(rel))
    replace_clicked(body, client, respond, follow_up_sent(rel))

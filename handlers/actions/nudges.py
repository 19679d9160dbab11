"""Buttons on nudges."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.domain.errors import AlreadyDone, DomainError
from bot.domain.relationship import Role, State
from bot.messages.follow_ups import follow_up_modal
from bot.messages.invitation import answer_context
from bot.services import relationships
from handlers.context import deps_of
from handlers.payload import clicked_id, clicked_message
from handlers.replies import refuse


def open_follow_up(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    """The mentee's one follow-up: her words, prefilled with a kind draft she may edit."""
    ack()
    deps = deps_of(context)
    try:
        with deps.reader() as uow:
            rel = relationships.get(uow, context.team_id, clicked_id(body),
                                    context.user_id)
        if rel.role_of(context.user_id) is not Role.MENTEE:
            raise DomainError("The mentee follows up on their own invitation.")
        if rel.state is not State.INVITED:
            raise AlreadyDone(f"No need: <@{rel.mentor_id}> has answered already.")
    except DomainError as refusal:
        refuse(respond, refusal)
        return
    client.views_open(trigger_id=body["trigger_id"],
                      view=follow_up_modal(rel, answer_context(rel, clicked_message(body))))

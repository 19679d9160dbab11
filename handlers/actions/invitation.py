"""Buttons on invitation DMs. Each acknowledges first; refusals come back ephemeral."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.domain.errors import DomainError
from bot.domain.relationship import Action
from bot.flows.invitation_notices import tell_accepted, tell_changes_accepted, tell_withdrawn
from bot.messages.agreement import agreement_prompt
from bot.messages.invitation import (
    answered_note,
    counter_accepted_for_mentee,
    counter_modal,
    decline_modal,
    withdrawn_for_mentee,
)
from bot.services import invitations, relationships
from bot.services.relationships import MessageRef
from handlers.context import deps_of, slack_of
from handlers.payload import clicked_id
from handlers.replies import attempt, refuse


def relationship_id(body: dict) -> int:
    return clicked_id(body)


def clicked_message(body: dict) -> MessageRef | None:
    container = body.get("container", {})
    if container.get("type") != "message" or container.get("is_ephemeral"):
        return None
    return MessageRef(container["channel_id"], container["message_ts"])



def replace_clicked(body: dict, client: WebClient, respond: Respond, text: str,
                    blocks: list[dict] | None = None) -> None:
    """Swap the clicked message's buttons for what happened, wherever the message lives."""
    container = body.get("container", {})
    if container.get("is_ephemeral") or "message_ts" not in container:
        respond(text=text, blocks=blocks, replace_original=True)
        return
    client.chat_update(channel=container["channel_id"], ts=container["message_ts"], text=text,
                       blocks=blocks or answered_note(text))


def _act(body: dict, context: BoltContext, respond: Respond, action: Action
         ) -> relationships.RelationshipView | None:
    deps = deps_of(context)
    return attempt(deps, respond, lambda uow: invitations.act(
        uow, context.team_id, relationship_id(body), context.user_id, action, deps.now(),
        timing=deps.timing))


def accept_invitation(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                      respond: Respond) -> None:
    ack()
    rel = _act(body, context, respond, Action.ACCEPT)
    if rel is None:
        return
    tell_accepted(slack_of(context), deps_of(context), rel, clicked_message(body))


def accept_counter(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    ack()
    rel = _act(body, context, respond, Action.ACCEPT_COUNTER)
    if rel is None:
        return
    text = counter_accepted_for_mentee(rel)
    replace_clicked(body, client, respond, text, agreement_prompt(rel, text))
    tell_changes_accepted(slack_of(context), deps_of(context), rel)


def withdraw_invitation(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                        respond: Respond) -> None:
    ack()
    rel = _act(body, context, respond, Action.WITHDRAW)
    if rel is None:
        return
    replace_clicked(body, client, respond, withdrawn_for_mentee(rel))
    tell_withdrawn(slack_of(context), deps_of(context), rel)


def _open_answer_modal(body: dict, client: WebClient, context: BoltContext, respond: Respond,
                       action: Action, build) -> None:
    deps = deps_of(context)
    try:
        with deps.reader() as uow:
            rel = relationships.check(uow, context.team_id, relationship_id(body),
                                    context.user_id, action)
    except DomainError as refusal:
        refuse(respond, refusal)
        return
    client.views_open(trigger_id=body["trigger_id"], view=build(rel, clicked_message(body)))


def open_suggest_changes(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                         respond: Respond) -> None:
    ack()
    _open_answer_modal(body, client, context, respond, Action.SUGGEST_CHANGES, counter_modal)


def open_decline(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                 respond: Respond) -> None:
    ack()
    _open_answer_modal(body, client, context, respond, Action.DECLINE, decline_modal)

"""Buttons on invitation DMs. Each acknowledges first, then calls one flow; a refusal
comes back to the clicker alone."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.domain.relationship import Action
from bot.flows import forms, invitations
from bot.messages.invitation import counter_modal, decline_modal
from handlers.context import deps_of, slack_of
from handlers.payload import clicked_id, clicked_message
from handlers.replies import clicked, in_place_of, open_form


def accept_invitation(ack: Ack, body: dict, context: BoltContext, respond: Respond) -> None:
    ack()
    where, relationship_id = clicked_message(body), clicked_id(body)
    clicked(respond, lambda: invitations.accept(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        relationship_id, where))


def accept_counter(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    ack()
    clicked(respond, lambda: invitations.accept_counter(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        clicked_id(body), show=in_place_of(body, client, respond)))


def withdraw_invitation(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                        respond: Respond) -> None:
    ack()
    clicked(respond, lambda: invitations.withdraw(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        clicked_id(body), show=in_place_of(body, client, respond)))


def open_suggest_changes(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                         respond: Respond) -> None:
    ack()
    _open_answer_form(body, client, context, respond, Action.SUGGEST_CHANGES, counter_modal)


def open_decline(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                 respond: Respond) -> None:
    ack()
    _open_answer_form(body, client, context, respond, Action.DECLINE, decline_modal)


def _open_answer_form(body: dict, client: WebClient, context: BoltContext, respond: Respond,
                      action: Action, build) -> None:
    open_form(client, body["trigger_id"], respond, context.user_id, lambda: forms.answer_form(
        deps_of(context), context.team_id, context.user_id, clicked_id(body),
        clicked_message(body), action, build))

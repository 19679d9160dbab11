"""Buttons that close or continue a relationship."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.flows import endings, forms
from handlers.context import deps_of, slack_of
from handlers.payload import clicked_id
from handlers.replies import clicked, in_place_of, open_form


def _open(kind: str, ack: Ack, body: dict, client: WebClient, context: BoltContext,
          respond: Respond) -> None:
    ack()
    open_form(client, body["trigger_id"], respond, context.user_id, lambda: forms.closing_form(
        deps_of(context), context.team_id, context.user_id, kind,
        relationship_id=clicked_id(body)))


def open_complete(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    _open("complete", ack, body, client, context, respond)


def open_continue(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    _open("continue", ack, body, client, context, respond)


def open_end(ack: Ack, body: dict, client: WebClient, context: BoltContext,
             respond: Respond) -> None:
    _open("end", ack, body, client, context, respond)


def _answer(agree: bool, ack: Ack, body: dict, client: WebClient, context: BoltContext,
            respond: Respond) -> None:
    ack()
    clicked(respond, lambda: endings.answer_continuation(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        clicked_id(body), agree, show=in_place_of(body, client, respond)))


def confirm_continuation(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                         respond: Respond) -> None:
    _answer(True, ack, body, client, context, respond)


def decline_continuation(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                         respond: Respond) -> None:
    _answer(False, ack, body, client, context, respond)

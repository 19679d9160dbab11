"""Buttons of the expectations agreement."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.flows import agreements, forms
from handlers.context import deps_of, slack_of
from handlers.payload import as_id, clicked_message, clicked_value
from handlers.replies import clicked, in_place_of, open_form


def _value(body: dict) -> tuple[int, int | None]:
    relationship_id, _, version = clicked_value(body).partition(":")
    return as_id(relationship_id), as_id(version) if version else None


def open_agreement(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    ack()
    open_form(client, body["trigger_id"], respond, context.user_id, lambda: forms.agreement_form(
        deps_of(context), context.team_id, context.user_id, _value(body)[0],
        clicked_message(body)))


def edit_agreement(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    """Suggest an edit (mentor) or revise (mentee) the version on this message."""
    ack()
    relationship_id, version = _value(body)
    open_form(client, body["trigger_id"], respond, context.user_id, lambda: forms.agreement_form(
        deps_of(context), context.team_id, context.user_id, relationship_id,
        clicked_message(body), version=version))


def confirm_agreement(ack: Ack, body: dict, context: BoltContext, respond: Respond) -> None:
    ack()
    relationship_id, version = _value(body)
    clicked(respond, lambda: agreements.confirm(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        relationship_id, version, clicked_message(body)))


def remind_about_agreement(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                           respond: Respond) -> None:
    ack()
    clicked(respond, lambda: agreements.remind(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        _value(body)[0], show=in_place_of(body, client, respond)))

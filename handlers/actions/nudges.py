"""Buttons on nudges."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.flows import forms
from handlers.context import deps_of
from handlers.payload import clicked_id, clicked_message
from handlers.replies import open_form


def open_follow_up(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    """The mentee's one follow-up: her words, prefilled with a kind draft she may edit."""
    ack()
    open_form(client, body["trigger_id"], respond, context.user_id, lambda: forms.follow_up_form(
        deps_of(context), context.team_id, context.user_id, clicked_id(body),
        clicked_message(body)))

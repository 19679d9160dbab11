"""Buttons that open a form (App Home, nudges)."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from handlers.context import deps_of
from handlers.forms import open_invite_form, open_readiness_form


def open_readiness(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    open_readiness_form(deps_of(context), client, body["trigger_id"], context.team_id,
                        context.user_id)


def open_invite(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    open_invite_form(deps_of(context), client, body["trigger_id"], context.team_id,
                     context.user_id, None)

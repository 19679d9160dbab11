"""Buttons of an offer to mentor (on its owner's Home) and of `/mentor find`'s list."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.flows import forms, own_settings
from bot.slack.shapes import Malformed
from handlers.context import deps_of
from handlers.payload import clicked_value
from handlers.replies import clicked, opener

USER_ID_PREFIXES = ("U", "W")


def open_offer(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=forms.offer_form(
        deps_of(context), context.team_id, context.user_id))


# The Home republishes itself after each change: the button's answer is the new Home.
def pause_offer(ack: Ack, context: BoltContext, respond: Respond) -> None:
    ack()
    clicked(respond, lambda: own_settings.pause_offer(deps_of(context), context.team_id,
                                                      context.user_id, True))


def resume_offer(ack: Ack, context: BoltContext, respond: Respond) -> None:
    ack()
    clicked(respond, lambda: own_settings.pause_offer(deps_of(context), context.team_id,
                                                      context.user_id, False))


def withdraw_offer(ack: Ack, context: BoltContext, respond: Respond) -> None:
    ack()
    clicked(respond, lambda: own_settings.withdraw_offer(deps_of(context), context.team_id,
                                                         context.user_id))


def invite_found(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    """Invite on `/mentor find`'s list: the composer, for the person on that line."""
    ack()
    mentor_id = clicked_value(body)
    if not mentor_id.startswith(USER_ID_PREFIXES) or not mentor_id.isalnum():
        raise Malformed("an Invite button without a person")
    forms.open_composer(deps_of(context), opener(client, body["trigger_id"]), context.team_id,
                        context.user_id, mentor_id)

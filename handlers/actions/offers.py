"""Buttons of an offer to mentor (on its owner's Home) and of `/mentor find`'s list."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.services import offers
from bot.slack.shapes import Malformed
from handlers.context import deps_of
from handlers.forms import open_invite_form, open_offer_form
from handlers.payload import clicked_value
from handlers.replies import attempt

USER_ID_PREFIXES = ("U", "W")


def open_offer(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    open_offer_form(deps_of(context), client, body["trigger_id"], context.team_id,
                    context.user_id)


def pause_offer(ack: Ack, context: BoltContext, respond: Respond) -> None:
    _set_paused(ack, context, respond, paused=True)


def resume_offer(ack: Ack, context: BoltContext, respond: Respond) -> None:
    _set_paused(ack, context, respond, paused=False)


def _set_paused(ack: Ack, context: BoltContext, respond: Respond, *, paused: bool) -> None:
    # The Home republishes itself after the change: the button's answer is the new Home.
    ack()
    deps = deps_of(context)
    attempt(deps, respond, lambda uow: offers.pause(uow, context.team_id, context.user_id,
                                                    paused, deps.now()))


def withdraw_offer(ack: Ack, context: BoltContext, respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    attempt(deps, respond, lambda uow: offers.withdraw(uow, context.team_id, context.user_id))


def invite_found(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    """Invite on `/mentor find`'s list: the composer, for the person on that line."""
    ack()
    mentor_id = clicked_value(body)
    if not mentor_id.startswith(USER_ID_PREFIXES) or not mentor_id.isalnum():
        raise Malformed("an Invite button without a person")
    open_invite_form(deps_of(context), client, body["trigger_id"], context.team_id,
                     context.user_id, mentor_id)

"""Buttons that open a form (App Home, nudges)."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.messages.reminders import reminders_modal
from bot.services import preferences
from bot.slack.shapes import Malformed
from handlers.context import deps_of
from handlers.forms import (
    open_closing_form,
    open_composer_after,
    open_invite_form,
    open_readiness_form,
    open_schedule_form,
    show_or_open_agreement,
)
from handlers.payload import as_id, clicked_value
from handlers.replies import answer_refusals


def open_readiness(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    open_readiness_form(deps_of(context), client, body["trigger_id"], context.team_id,
                        context.user_id)


def open_invite(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    open_invite_form(deps_of(context), client, body["trigger_id"], context.team_id,
                     context.user_id, None)


def ask_again(ack: Ack, body: dict, client: WebClient, context: BoltContext,
              respond: Respond) -> None:
    """After her conversation, or after a lapse: the composer for the same mentor,
    prefilled from what she wrote then."""
    ack()
    relationship_id = as_id(clicked_value(body))
    answer_refusals(respond, context.user_id, lambda: open_composer_after(
        deps_of(context), client, body["trigger_id"], context.team_id, context.user_id,
        relationship_id))


def choose_relationship(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                        respond: Respond) -> None:
    """A button from the "which one?" question: the command again, for that relationship."""
    ack()
    command, _, relationship_text = clicked_value(body).partition(":")
    relationship_id = as_id(relationship_text)
    deps, trigger = deps_of(context), body["trigger_id"]
    team_id, user_id = context.team_id, context.user_id
    if command == "agreement":
        show_or_open_agreement(deps, client, trigger, team_id, user_id, respond,
                               relationship_id=relationship_id)
        return
    if command == "schedule":
        opener = lambda: open_schedule_form(  # noqa: E731
            deps, client, trigger, team_id, user_id, relationship_id=relationship_id)
    elif command in ("complete", "continue", "end"):
        opener = lambda: open_closing_form(  # noqa: E731
            deps, client, trigger, team_id, user_id, command, relationship_id=relationship_id)
    else:
        raise Malformed("a choice for an unknown command")
    answer_refusals(respond, user_id, opener)


def open_reminders(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    """The App Home's Change: the person's reminder settings, prefilled with what holds."""
    ack()
    deps = deps_of(context)
    with deps.reader() as uow:
        prefs = preferences.of(uow, context.team_id, context.user_id)
        roles = preferences.roles_of(uow, context.team_id, context.user_id)
    client.views_open(trigger_id=body["trigger_id"], view=reminders_modal(
        prefs, deps.quiet_hours, roles, deps.settings.mentor_starting_soon))

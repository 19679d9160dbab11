"""Buttons that open a form (App Home, nudges)."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.flows import forms, meeting_forms
from bot.slack.shapes import Malformed
from handlers.context import deps_of
from handlers.payload import as_id, clicked_value
from handlers.replies import open_form, opener

CLOSING = ("complete", "continue", "end")


def open_readiness(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=forms.readiness_form(
        deps_of(context), context.team_id, context.user_id))


def open_invite(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    forms.open_composer(deps_of(context), opener(client, body["trigger_id"]),
                        context.team_id, context.user_id, None)


def ask_again(ack: Ack, body: dict, client: WebClient, context: BoltContext,
              respond: Respond) -> None:
    """After her conversation, or after a lapse: the composer for the same mentor,
    prefilled from what she wrote then."""
    ack()
    open_form(client, body["trigger_id"], respond, context.user_id, lambda: forms.composer_after(
        deps_of(context), context.team_id, context.user_id, as_id(clicked_value(body))))


def choose_relationship(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                        respond: Respond) -> None:
    """A button from the "which one?" question: the command again, for that relationship."""
    ack()
    command, _, relationship_text = clicked_value(body).partition(":")
    chosen = {"relationship_id": as_id(relationship_text)}
    deps, team_id, user_id = deps_of(context), context.team_id, context.user_id
    builds = {"agreement": lambda: forms.agreement_or_form(deps, team_id, user_id, **chosen),
              "schedule": lambda: meeting_forms.schedule_form(deps, team_id, user_id, **chosen),
              **{kind: (lambda kind=kind: forms.closing_form(deps, team_id, user_id, kind,
                                                             **chosen)) for kind in CLOSING}}
    if command not in builds:
        raise Malformed("a choice for an unknown command")
    open_form(client, body["trigger_id"], respond, user_id, builds[command])


def open_reminders(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    """The App Home's Change: the person's reminder settings, prefilled with what holds."""
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=forms.reminders_form(
        deps_of(context), context.team_id, context.user_id))


def open_usual_times(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    """From the invitation he accepted: the times that usually suit him."""
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=forms.usual_times_form(
        deps_of(context), context.team_id, context.user_id))

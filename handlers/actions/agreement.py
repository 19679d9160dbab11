"""Buttons of the expectations agreement."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.domain.errors import DomainError
from bot.flows.agreement_notices import tell_begun
from bot.flows.dm import send_dm
from bot.messages.agreement import reminder_for_mentor
from bot.services import agreements
from handlers.actions.invitation import clicked_message, replace_clicked
from handlers.context import deps_of, slack_of
from handlers.forms import open_agreement_form
from handlers.payload import as_id, clicked_value
from handlers.replies import attempt, refuse


def _value(body: dict) -> tuple[int, int | None]:
    relationship_id, _, version = clicked_value(body).partition(":")
    return as_id(relationship_id), as_id(version) if version else None


def open_agreement(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    ack()
    try:
        open_agreement_form(deps_of(context), client, body["trigger_id"], context.team_id,
                            context.user_id, _value(body)[0], clicked_message(body))
    except DomainError as refusal:
        refuse(respond, refusal)


def edit_agreement(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    """Suggest an edit (mentor) or revise (mentee) the version on this message."""
    ack()
    deps = deps_of(context)
    relationship_id, version = _value(body)
    try:
        with deps.reader() as uow:
            newest = agreements.newest(uow, context.team_id, relationship_id, context.user_id)
        if newest is not None and newest.version != version:
            raise agreements.Stale(newest.version)
        open_agreement_form(deps, client, body["trigger_id"], context.team_id,
                            context.user_id, relationship_id, clicked_message(body))
    except DomainError as refusal:
        refuse(respond, refusal)


def confirm_agreement(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                      respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    relationship_id, version = _value(body)
    agreed = attempt(deps, respond, lambda uow: agreements.confirm(
        uow, context.team_id, relationship_id, context.user_id, version, deps.now(),
        deps.timing))
    if agreed is None:
        return
    tell_begun(slack_of(context), deps, agreed, context.user_id, clicked_message(body))


def remind_about_agreement(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                           respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    version = attempt(deps, respond, lambda uow: agreements.record_reminder(
        uow, context.team_id, _value(body)[0], context.user_id, deps.now()))
    if version is None:
        return
    send_dm(slack_of(context), version.relationship.mentor_id, reminder_for_mentor(version))
    replace_clicked(body, client, respond, "Sent a polite reminder for you.")

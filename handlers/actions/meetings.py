"""Buttons about meetings."""

from __future__ import annotations

from datetime import timedelta

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.domain.errors import DomainError
from bot.domain.relationship import Role
from bot.services import meetings
from handlers.actions.invitation import replace_clicked
from handlers.blocks.meetings import (
    after_meeting_modal,
    agenda_modal,
    change_request,
    schedule_modal,
)
from handlers.context import deps_of
from handlers.dm import send_dm
from handlers.meeting_notices import announce


def open_agenda(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    try:
        with deps.reader() as uow:
            meeting = meetings.get(uow, context.team_id, int(body["actions"][0]["value"]),
                                   context.user_id)
        if meeting.relationship.role_of(context.user_id) is not Role.MENTEE:
            raise DomainError("The mentee sets the agenda; it will reach you here.")
    except DomainError as refusal:
        respond(text=str(refusal), response_type="ephemeral", replace_original=False)
        return
    tz = deps.directory.tz_of(context.team_id, context.user_id, deps.now())
    client.views_open(trigger_id=body["trigger_id"], view=agenda_modal(meeting, tz))


def confirm_logistics(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                      respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    try:
        with deps.uow() as uow:
            meeting = meetings.confirm_logistics(uow, context.team_id,
                                                 int(body["actions"][0]["value"]),
                                                 context.user_id, deps.now())
    except DomainError as refusal:
        respond(text=str(refusal), response_type="ephemeral", replace_original=False)
        return
    replace_clicked(body, client, respond,
                    f":white_check_mark: Logistics confirmed for tomorrow with "
                    f"<@{meeting.relationship.mentor_id}>. Enjoy the session.")


def _meeting_id(body: dict) -> int:
    return int(body["actions"][0]["value"])


def open_reschedule(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                    respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    try:
        with deps.reader() as uow:
            meeting = meetings.get(uow, context.team_id, _meeting_id(body), context.user_id)
        if meeting.relationship.role_of(context.user_id) is not Role.MENTEE:
            raise DomainError("As the mentor, use Ask to reschedule; the mentee moves it.")
    except DomainError as refusal:
        respond(text=str(refusal), response_type="ephemeral", replace_original=False)
        return
    tz = deps.directory.tz_of(context.team_id, context.user_id, deps.now())
    client.views_open(trigger_id=body["trigger_id"],
                      view=schedule_modal(meeting.relationship, deps.now(), tz, meeting))


def cancel_meeting(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    now = deps.now()
    try:
        with deps.uow() as uow:
            change = meetings.cancel(uow, context.team_id, _meeting_id(body), context.user_id,
                                     now, deps.timing)
    except DomainError as refusal:
        respond(text=str(refusal), response_type="ephemeral", replace_original=False)
        return
    announce(deps, client, change.meeting, now, headline="Cancelled: mentoring session with",
             change=change, cancelled=True)


def ask_to_change(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    now = deps.now()
    try:
        with deps.uow() as uow:
            meeting = meetings.ask_to_change(uow, context.team_id, _meeting_id(body),
                                             context.user_id, now)
    except DomainError as refusal:
        respond(text=str(refusal), response_type="ephemeral", replace_original=False)
        return
    rel = meeting.relationship
    tz = deps.directory.tz_of(rel.team_id, rel.mentee_id, now)
    text, blocks = change_request(meeting, tz)
    send_dm(client, rel.mentee_id, text, blocks)
    respond(text=f"Asked <@{rel.mentee_id}> to move or cancel it; they'll carry it out.",
            response_type="ephemeral", replace_original=False)


def open_after_meeting(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                       respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    try:
        with deps.reader() as uow:
            meeting = meetings.get(uow, context.team_id, _meeting_id(body), context.user_id)
        if meeting.relationship.role_of(context.user_id) is not Role.MENTEE:
            raise DomainError("Only the mentee logs a meeting.")
    except DomainError as refusal:
        respond(text=str(refusal), response_type="ephemeral", replace_original=False)
        return
    tz = deps.directory.tz_of(context.team_id, context.user_id, deps.now())
    client.views_open(trigger_id=body["trigger_id"], view=after_meeting_modal(meeting, tz))


def open_schedule(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    now = deps.now()
    try:
        with deps.reader() as uow:
            rel = meetings.schedulable(uow, context.team_id, context.user_id)
    except DomainError as refusal:
        respond(text=str(refusal), response_type="ephemeral", replace_original=False)
        return
    tz = deps.directory.tz_of(context.team_id, context.user_id, now)
    start = (now + timedelta(days=7)).replace(minute=0, second=0, microsecond=0)
    client.views_open(trigger_id=body["trigger_id"], view=schedule_modal(rel, start, tz))

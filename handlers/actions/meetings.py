"""Buttons about meetings. Each acknowledges first; refusals come back ephemeral."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.container import Deps
from bot.domain.errors import DomainError
from bot.domain.relationship import Role
from bot.services import meetings
from bot.services.meetings import MeetingView
from handlers.actions.invitation import replace_clicked
from handlers.blocks.meetings import (
    after_meeting_modal,
    agenda_modal,
    change_request,
    schedule_modal,
)
from handlers.context import deps_of
from handlers.dm import send_dm
from handlers.forms import open_schedule_form
from handlers.meeting_notices import announce
from handlers.replies import attempt, refuse
from handlers.views.state import clicked_id


def _meeting_id(body: dict) -> int:
    return clicked_id(body)


def _mentees_meeting(deps: Deps, body: dict, context: BoltContext,
                     not_mentee: str) -> MeetingView:
    """The clicked meeting, when the clicker is its mentee; else DomainError(not_mentee)."""
    with deps.reader() as uow:
        meeting = meetings.get(uow, context.team_id, _meeting_id(body), context.user_id)
    if meeting.relationship.role_of(context.user_id) is not Role.MENTEE:
        raise DomainError(not_mentee)
    return meeting


def _open_for_mentee(body: dict, client: WebClient, context: BoltContext, respond: Respond,
                     not_mentee: str, build) -> None:
    deps = deps_of(context)
    try:
        meeting = _mentees_meeting(deps, body, context, not_mentee)
    except DomainError as refusal:
        refuse(respond, refusal)
        return
    tz = deps.directory.tz_of(context.team_id, context.user_id, deps.now())
    client.views_open(trigger_id=body["trigger_id"], view=build(meeting, tz))


def open_agenda(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                respond: Respond) -> None:
    ack()
    _open_for_mentee(body, client, context, respond,
                     "The mentee sets the agenda; it will reach you here.", agenda_modal)


def open_reschedule(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                    respond: Respond) -> None:
    ack()
    now = deps_of(context).now()
    _open_for_mentee(body, client, context, respond,
                     "As the mentor, use Ask to reschedule; the mentee moves it.",
                     lambda meeting, tz: schedule_modal(meeting.relationship, now, tz, meeting))


def open_after_meeting(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                       respond: Respond) -> None:
    ack()
    _open_for_mentee(body, client, context, respond, "Only the mentee logs a meeting.",
                     after_meeting_modal)


def open_schedule(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    ack()
    try:
        open_schedule_form(deps_of(context), client, body["trigger_id"], context.team_id,
                           context.user_id)
    except DomainError as refusal:
        refuse(respond, refusal)


def confirm_logistics(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                      respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    meeting = attempt(deps, respond, lambda uow: meetings.confirm_logistics(
        uow, context.team_id, _meeting_id(body), context.user_id, deps.now()))
    if meeting is None:
        return
    replace_clicked(body, client, respond,
                    f":white_check_mark: Logistics confirmed for tomorrow with "
                    f"<@{meeting.relationship.mentor_id}>. Enjoy the session.")


def cancel_meeting(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    now = deps.now()
    change = attempt(deps, respond, lambda uow: meetings.cancel(
        uow, context.team_id, _meeting_id(body), context.user_id, now, deps.timing))
    if change is None:
        return
    announce(deps, client, change.meeting, now, headline="Cancelled: mentoring session with",
             change=change, cancelled=True)


def ask_to_change(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    now = deps.now()
    meeting = attempt(deps, respond, lambda uow: meetings.ask_to_change(
        uow, context.team_id, _meeting_id(body), context.user_id, now))
    if meeting is None:
        return
    rel = meeting.relationship
    tz = deps.directory.tz_of(rel.team_id, rel.mentee_id, now)
    text, blocks = change_request(meeting, tz)
    send_dm(client, rel.mentee_id, text, blocks)
    respond(text=f"Asked <@{rel.mentee_id}> to move or cancel it; they'll carry it out.",
            response_type="ephemeral", replace_original=False)

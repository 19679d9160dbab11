"""Buttons that close or continue a relationship."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.domain.errors import DomainError
from bot.flows.dm import send_dm
from bot.messages.endings import continued
from bot.services import endings
from bot.services.nudges import timeline_of
from handlers.actions.invitation import replace_clicked
from handlers.context import deps_of, slack_of
from handlers.forms import open_closing_form
from handlers.payload import clicked_id
from handlers.replies import attempt, refuse


def _relationship_id(body: dict) -> int:
    return clicked_id(body)


def _open(kind: str, ack: Ack, body: dict, client: WebClient, context: BoltContext,
          respond: Respond) -> None:
    ack()
    try:
        open_closing_form(deps_of(context), client, body["trigger_id"], context.team_id,
                          context.user_id, kind, relationship_id=_relationship_id(body))
    except DomainError as refusal:
        refuse(respond, refusal)


def open_complete(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    _open("complete", ack, body, client, context, respond)


def open_continue(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    _open("continue", ack, body, client, context, respond)


def open_end(ack: Ack, body: dict, client: WebClient, context: BoltContext,
             respond: Respond) -> None:
    _open("end", ack, body, client, context, respond)


def _answer(agree: bool, ack: Ack, body: dict, client: WebClient, context: BoltContext,
            respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    now = deps.now()

    def answer_and_read_the_end(uow):
        rel, months = endings.answer_continuation(
            uow, context.team_id, _relationship_id(body), context.user_id, agree, now,
            deps.timing)
        return rel, months, timeline_of(uow, rel.id)

    answered = attempt(deps, respond, answer_and_read_the_end)
    if answered is None:
        return
    rel, months, ends_at = answered
    if not agree:
        replace_clicked(body, client, respond,
                        f"You chose not to continue with <@{rel.mentee_id}> for now.")
        send_dm(slack_of(context), rel.mentee_id,
                f"<@{rel.mentor_id}> would rather not continue for now. Plan your final "
                "session, then close with `/mentor complete` and a last thank-you.")
        return
    for person in (rel.mentee_id, rel.mentor_id):
        tz = deps.directory.tz_of(rel.team_id, person, now)
        if person == context.user_id:
            replace_clicked(body, client, respond, continued(rel, months, ends_at, tz))
        else:
            send_dm(slack_of(context), person, continued(rel, months, ends_at, tz))


def confirm_continuation(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                         respond: Respond) -> None:
    _answer(True, ack, body, client, context, respond)


def decline_continuation(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                         respond: Respond) -> None:
    _answer(False, ack, body, client, context, respond)

"""`/mentor <subcommand>`: acknowledge at once, then open the right surface."""

from __future__ import annotations

import re

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.domain.errors import DomainError
from bot.domain.relationship import Role, State
from bot.services import agreements, invitations
from handlers.blocks.agreement import final_terms, waiting_text
from handlers.blocks.help import help_text, unknown_subcommand_text
from handlers.blocks.invitation import status_lines
from handlers.commands.report import send_report
from handlers.context import deps_of
from handlers.forms import (
    open_agreement_form,
    open_closing_form,
    open_invite_form,
    open_readiness_form,
    open_schedule_form,
)
from handlers.personal_data import ask_to_forget, send_export

# With should_escape on, Slack sends a mention as <@U123|name>.
_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def handle_mentor(ack: Ack, command: dict, client: WebClient, context: BoltContext) -> None:
    words = command.get("text", "").strip().split(maxsplit=1)
    sub = words[0].lower() if words else "help"
    rest = words[1] if len(words) > 1 else ""
    match sub:
        case "help":
            ack(help_text())
        case "ready":
            ack()
            open_readiness_form(deps_of(context), client, command["trigger_id"],
                                context.team_id, context.user_id)
        case "invite":
            mentor_id = _mentioned(rest)
            if rest and mentor_id is None:
                ack(f"I couldn't read `{rest[:40]}` as a person. Mention them like "
                    "`/mentor invite @name`, or leave it out and pick them in the form.")
                return
            ack()
            open_invite_form(deps_of(context), client, command["trigger_id"],
                             context.team_id, context.user_id, mentor_id)
        case "status":
            ack()
            _show_status(command, context)
        case "agreement":
            ack()
            _agreement(command, client, context)
        case "schedule":
            ack()
            _schedule(command, client, context)
        case "export":
            ack()
            send_export(client, context)
        case "forget":
            ack()
            ask_to_forget(context)
        case "report":
            ack()
            send_report(client, context)
        case "complete" | "continue" | "end":
            other_id = _mentioned(rest)
            if rest and other_id is None:
                ack(f"I couldn't read `{rest[:40]}` as a person. Use `/mentor {sub} @name`, or "
                    f"just `/mentor {sub}` when there is only one.")
                return
            ack()
            _closing(command, client, context, sub, other_id)
        case _:
            ack(unknown_subcommand_text(sub[:40]))


def _mentioned(text: str) -> str | None:
    found = _MENTION.search(text)
    return found.group(1) if found else None


def _show_status(command: dict, context: BoltContext) -> None:
    deps = deps_of(context)
    with deps.reader() as uow:
        rels = invitations.of_person(uow, command["team_id"], command["user_id"])
    context.respond(text="Your mentoring relationships",
                    blocks=status_lines(rels, command["user_id"]),
                    response_type="ephemeral")


def _agreement(command: dict, client: WebClient, context: BoltContext) -> None:
    """Write or revise it while agreed (mentee); show it once active (either of the two)."""
    deps = deps_of(context)
    team_id, user_id = context.team_id, context.user_id
    with deps.reader() as uow:
        rel = agreements.current_relationship(uow, team_id, user_id)
        newest = agreements.newest(uow, team_id, rel.id, user_id) if rel else None
    if rel is not None and rel.state is State.ACTIVE and newest is not None:
        context.respond(text="Your agreed terms", response_type="ephemeral",
                        blocks=final_terms(newest, user_id))
        return
    if rel is not None and newest is not None and (
            rel.role_of(user_id) is Role.MENTOR or newest.author is Role.MENTOR):
        context.respond(text=waiting_text(newest, rel.role_of(user_id)),
                        response_type="ephemeral")
        return
    try:
        open_agreement_form(deps, client, command["trigger_id"], team_id, user_id,
                            rel.id if rel else None)
    except DomainError as refusal:
        context.respond(text=str(refusal), response_type="ephemeral")


def _schedule(command: dict, client: WebClient, context: BoltContext) -> None:
    try:
        open_schedule_form(deps_of(context), client, command["trigger_id"], context.team_id,
                           context.user_id)
    except DomainError as refusal:
        context.respond(text=str(refusal), response_type="ephemeral")


def _closing(command: dict, client: WebClient, context: BoltContext, kind: str,
             other_id: str | None) -> None:
    try:
        open_closing_form(deps_of(context), client, command["trigger_id"], context.team_id,
                          context.user_id, kind, other_id=other_id)
    except DomainError as refusal:
        context.respond(text=str(refusal), response_type="ephemeral")

"""`/mentor <subcommand>`: acknowledge at once, then open the right surface."""

from __future__ import annotations

import re

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.messages.help import help_text, unknown_subcommand_text
from bot.messages.invitation import status_lines
from bot.messages.kit import escape
from bot.messages.offers import found, nobody_found
from bot.services import offers, relationships
from handlers.commands.report import send_report
from handlers.context import deps_of
from handlers.forms import (
    open_closing_form,
    open_invite_form,
    open_offer_form,
    open_readiness_form,
    open_schedule_form,
    show_or_open_agreement,
)
from handlers.personal_data import ask_to_forget, send_export
from handlers.replies import answer_refusals

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
        case "offer":
            ack()
            open_offer_form(deps_of(context), client, command["trigger_id"],
                            context.team_id, context.user_id)
        case "find":
            ack()
            _find(command, context, rest)
        case "agreement" | "schedule":
            other_id = _mentioned(rest)
            if rest and other_id is None:
                ack(_not_a_person(sub, rest))
                return
            ack()
            opener = _agreement if sub == "agreement" else _schedule
            opener(command, client, context, other_id)
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
                ack(_not_a_person(sub, rest))
                return
            ack()
            _closing(command, client, context, sub, other_id)
        case _:
            ack(unknown_subcommand_text(sub[:40]))


def _not_a_person(sub: str, rest: str) -> str:
    return (f"I couldn't read `{escape(rest[:40])}` as a person. Use `/mentor {sub} @name`, "
            f"or just `/mentor {sub}` when there is only one.")


def _mentioned(text: str) -> str | None:
    found = _MENTION.search(text)
    return found.group(1) if found else None


def _show_status(command: dict, context: BoltContext) -> None:
    deps = deps_of(context)
    with deps.reader() as uow:
        rels = relationships.of_person(uow, context.team_id, context.user_id)
    context.respond(text="Your mentoring relationships",
                    blocks=status_lines(rels, command["user_id"]),
                    response_type="ephemeral")


def _find(command: dict, context: BoltContext, searched: str) -> None:
    """Those open to mentoring with room, for her eyes only; nothing is sent to them."""
    deps = deps_of(context)
    now = deps.now()
    seeker_tz = deps.directory.tz_of(context.team_id, context.user_id, now)
    with deps.reader() as uow:
        candidates = offers.find(uow, context.team_id, context.user_id, searched.strip(),
                                 seeker_tz, now)
    if not candidates:
        context.respond(text=nobody_found(), response_type="ephemeral")
        return
    text, blocks = found(candidates, searched.strip()[:100])
    context.respond(text=text, blocks=blocks, response_type="ephemeral")


def _agreement(command: dict, client: WebClient, context: BoltContext,
               other_id: str | None) -> None:
    show_or_open_agreement(deps_of(context), client, command["trigger_id"], context.team_id,
                           context.user_id, context.respond, other_id=other_id)


def _schedule(command: dict, client: WebClient, context: BoltContext,
              other_id: str | None) -> None:
    answer_refusals(context.respond, context.user_id, lambda: open_schedule_form(
        deps_of(context), client, command["trigger_id"], context.team_id, context.user_id,
        other_id=other_id))


def _closing(command: dict, client: WebClient, context: BoltContext, kind: str,
             other_id: str | None) -> None:
    answer_refusals(context.respond, context.user_id, lambda: open_closing_form(
        deps_of(context), client, command["trigger_id"], context.team_id, context.user_id,
        kind, other_id=other_id))

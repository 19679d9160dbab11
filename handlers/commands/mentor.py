"""`/mentor <subcommand>`: acknowledge at once, then open the right surface."""

from __future__ import annotations

import re

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.services import invitations
from handlers.blocks.help import help_text, unknown_subcommand_text
from handlers.blocks.invitation import status_lines
from handlers.context import deps_of
from handlers.forms import open_invite_form, open_readiness_form

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

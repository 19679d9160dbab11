"""`/mentor <subcommand>`: acknowledge at once, then open the right surface."""

from __future__ import annotations

import re

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.flows import answers, forms, meeting_forms, report
from bot.messages.help import help_text, unknown_subcommand_text
from bot.messages.kit import escape
from handlers.context import deps_of, slack_of
from handlers.personal_data import ask_to_forget, send_export
from handlers.replies import answer_refusals, open_form, opener

# With should_escape on, Slack sends a mention as <@U123|name>.
_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def _words(command: dict) -> tuple[str, str]:
    """(subcommand, the rest): `/mentor` alone asks for help."""
    words = command.get("text", "").strip().split(maxsplit=1)
    return (words[0].lower() if words else "help"), (words[1] if len(words) > 1 else "")


def asks_for_help(body: dict) -> bool:
    """Help is an answer from the request alone: the guard runs it in the request thread."""
    return _words(body)[0] == "help"


def handle_mentor(ack: Ack, command: dict, client: WebClient, context: BoltContext) -> None:
    sub, rest = _words(command)
    if sub == "help":  # in the request thread (asks_for_help): nothing else to touch
        ack(help_text())
        return
    deps, team_id, user_id = deps_of(context), context.team_id, context.user_id
    match sub:
        case "ready" | "offer":
            ack()
            build = forms.readiness_form if sub == "ready" else forms.offer_form
            client.views_open(trigger_id=command["trigger_id"],
                              view=build(deps, team_id, user_id))
        case "invite":
            mentor_id = _mentioned(rest)
            if rest and mentor_id is None:
                ack(f"I couldn't read `{rest[:40]}` as a person. Mention them like "
                    "`/mentor invite @name`, or leave it out and pick them in the form.")
                return
            ack()
            forms.open_composer(deps, opener(client, command["trigger_id"]), team_id, user_id,
                                mentor_id)
        case "status" | "find":
            ack()
            text, blocks = (answers.status(deps, team_id, user_id) if sub == "status"
                            else answers.find(deps, team_id, user_id, rest))
            context.respond(text=text, blocks=blocks, response_type="ephemeral")
        case "export":
            ack()
            send_export(context)
        case "forget":
            ack()
            ask_to_forget(context)
        case "report":
            ack()
            answer_refusals(context.respond, user_id, lambda: report.programme(
                deps, slack_of(context), team_id, user_id, show=lambda blocks: context.respond(
                    text="Mentoring programme report", blocks=blocks,
                    response_type="ephemeral")))
        case "agreement" | "schedule" | "complete" | "continue" | "end":
            other_id = _mentioned(rest)
            if rest and other_id is None:
                ack(_not_a_person(sub, rest))
                return
            ack()
            open_form(client, command["trigger_id"], context.respond, user_id,
                      lambda: _form_for(sub, deps, team_id, user_id, other_id))
        case _:
            ack(unknown_subcommand_text(sub[:40]))


def _form_for(sub: str, deps, team_id: str, user_id: str, other_id: str | None):
    if sub == "agreement":
        return forms.agreement_or_form(deps, team_id, user_id, other_id=other_id)
    if sub == "schedule":
        return meeting_forms.schedule_form(deps, team_id, user_id, other_id=other_id)
    return forms.closing_form(deps, team_id, user_id, sub, other_id=other_id)


def _not_a_person(sub: str, rest: str) -> str:
    return (f"I couldn't read `{escape(rest[:40])}` as a person. Use `/mentor {sub} @name`, "
            f"or just `/mentor {sub}` when there is only one.")


def _mentioned(text: str) -> str | None:
    found = _MENTION.search(text)
    return found.group(1) if found else None

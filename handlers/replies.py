"""Answers to the person who clicked or submitted: refusals for them alone, inline form
errors, the form to open, and the clicked message replaced by what happened."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from bot.domain.errors import Ambiguous, DomainError
from bot.flows.forms import Shown
from bot.messages.choice import which_one
from bot.messages.invitation import answered_note
from bot.messages.notice import notice_modal

T = TypeVar("T")


def refuse(respond: Respond, refusal: DomainError) -> None:
    """Say why, to the clicker alone, and leave the message they clicked as it was."""
    respond(text=str(refusal), response_type="ephemeral", replace_original=False)


def answer_refusals(respond: Respond, user_id: str, work: Callable[[], object]) -> None:
    """Run an opener. A refusal goes to the person alone; when several relationships fit,
    the question of which comes with a button for each."""
    try:
        work()
    except Ambiguous as which:
        respond(text=str(which), blocks=which_one(which.command, which.choices, user_id),
                response_type="ephemeral", replace_original=False)
    except DomainError as refusal:
        refuse(respond, refusal)


def opener(client: WebClient, trigger_id: str) -> Callable[[dict], object]:
    """Opens a modal on the trigger of the click or command being answered."""
    return lambda view: client.views_open(trigger_id=trigger_id, view=view)


def open_form(client: WebClient, trigger_id: str, respond: Respond, user_id: str,
              build: Callable[[], dict | Shown]) -> None:
    """Open the form `build` returns, or say what it says instead; a refusal (or the
    question of which relationship) goes to the person alone."""
    def work() -> None:
        form = build()
        if isinstance(form, Shown):
            respond(text=form.text, blocks=form.blocks, response_type="ephemeral",
                    replace_original=False)
        else:
            opener(client, trigger_id)(form)

    answer_refusals(respond, user_id, work)


def clicked(respond: Respond, work: Callable[[], T]) -> T | None:
    """Run a button's flow. A refusal goes to the clicker alone and gives None, so the
    caller just stops."""
    try:
        return work()
    except DomainError as refusal:
        refuse(respond, refusal)
        return None


def submitted(ack: Ack, field: str, work: Callable[[], T]) -> T | None:
    """Run a modal's flow. A refusal is shown inline under `field` and gives None; the
    caller acks what succeeded."""
    try:
        return work()
    except DomainError as refusal:
        ack(response_action="errors", errors={field: str(refusal)})
        return None


def in_the_form(ack: Ack) -> Callable[[str, str], None]:
    """A flow's answer (title, text) said in the form that was submitted: no receipt as a
    new message for what the person just did."""
    return lambda title, text: ack(response_action="update", view=notice_modal(title, text))


def in_place_of(body: dict, client: WebClient, respond: Respond
                ) -> Callable[..., None]:
    """A flow's answer (text, and blocks if any) put in place of the message clicked."""
    return lambda text, blocks=None: replace_clicked(body, client, respond, text, blocks)


def replace_clicked(body: dict, client: WebClient, respond: Respond, text: str,
                    blocks: list[dict] | None = None) -> None:
    """Swap the clicked message's buttons for what happened, wherever the message lives."""
    container = body.get("container", {})
    if container.get("is_ephemeral") or "message_ts" not in container:
        respond(text=text, blocks=blocks, replace_original=True)
        return
    client.chat_update(channel=container["channel_id"], ts=container["message_ts"], text=text,
                       blocks=blocks or answered_note(text))

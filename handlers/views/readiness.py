from __future__ import annotations

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.flows import own_settings
from bot.messages.notice import notice_modal
from bot.messages.readiness import QUESTIONS
from bot.services import readiness
from handlers.context import deps_of
from handlers.payload import values

MIN_WORDS = 3


def handle_readiness(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    answered = values(view)
    thin = {
        field_id: "A few more words, please: this prefills your invitation."
        for field_id, _, _ in QUESTIONS
        if len(answered.text(field_id).split()) < MIN_WORDS
    }
    if thin:
        ack(response_action="errors", errors=thin)
        return
    answers = readiness.Answers(**{field: answered.text(field) for field, _, _ in QUESTIONS})
    own_settings.save_readiness(deps, context.team_id, context.user_id, answers)
    ack(response_action="update", view=notice_modal(
        "Answers saved", "Saved your readiness answers. They'll prefill your invitation: "
        "`/mentor invite @someone` when you're ready."))

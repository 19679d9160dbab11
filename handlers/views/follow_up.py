"""Sending the mentee's follow-up, in her words, once."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.flows.dm import send_dm, update_dm
from bot.messages import ids
from bot.messages.follow_ups import follow_up_in_her_words, follow_up_sent
from bot.messages.invitation import read_answer_context
from bot.messages.kit import section
from bot.services import invitations
from handlers.context import deps_of, slack_of
from handlers.payload import values
from handlers.replies import attempt_submission


def handle_follow_up(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    words = values(view).text(ids.FOLLOW_UP_TEXT)
    if len(words.split()) < 3:
        ack(response_action="errors",
            errors={ids.FOLLOW_UP_TEXT: "A few words, please: they will read them as yours."})
        return
    relationship_id, clicked = read_answer_context(view["private_metadata"])
    rel = attempt_submission(deps, ack, ids.FOLLOW_UP_TEXT, lambda uow: (
        invitations.record_follow_up(uow, context.team_id, relationship_id, context.user_id,
                                     words, deps.now())))
    if rel is None:
        return
    ack()
    sent = send_dm(slack_of(context), rel.mentor_id, *follow_up_in_her_words(rel, words))
    with deps.uow() as uow:
        invitations.remember_messages(uow, rel.id, follow_up=sent)
    if clicked is not None:
        update_dm(slack_of(context), clicked, follow_up_sent(rel), [section(follow_up_sent(rel))])

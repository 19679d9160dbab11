"""Submitting the closing forms: complete, continue, end early."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext

from bot.flows import endings
from bot.messages import ids
from handlers.context import deps_of, slack_of
from handlers.payload import metadata_id, values
from handlers.replies import in_the_form, submitted


def handle_complete(ack: Ack, view: dict, context: BoltContext) -> None:
    answered = values(view)
    submitted(ack, ids.COMPLETE_THANKS, lambda: endings.complete(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        metadata_id(view), answered.text(ids.COMPLETE_REFLECTION),
        answered.text(ids.COMPLETE_THANKS), in_the_form(ack),
        answered.text(ids.COMPLETE_GOAL_NOW)))


def handle_continue(ack: Ack, view: dict, context: BoltContext) -> None:
    answered = values(view)
    submitted(ack, ids.CONTINUE_MONTHS, lambda: endings.propose_continuation(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        metadata_id(view), answered.number(ids.CONTINUE_MONTHS),
        answered.text(ids.CONTINUE_NOTE), in_the_form(ack)))


def handle_end(ack: Ack, view: dict, context: BoltContext) -> None:
    submitted(ack, ids.END_REASON, lambda: endings.end_early(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        metadata_id(view), values(view).text(ids.END_REASON), in_the_form(ack)))

"""Submitting the agenda: topics to the mentor, on the meeting's message for both."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext

from bot.domain.meetings import link_problem
from bot.flows import meetings
from bot.messages import ids
from bot.services.meetings import Agenda
from handlers.context import deps_of, slack_of
from handlers.payload import metadata_id, values
from handlers.replies import in_the_form, submitted


def handle_agenda(ack: Ack, view: dict, context: BoltContext) -> None:
    answered = values(view)
    agenda = Agenda(*(answered.text(key) for key in (
        ids.AGENDA_TOPICS, ids.AGENDA_QUESTIONS, ids.AGENDA_CONTEXT, ids.AGENDA_LINKS)))
    errors = {}
    if len(agenda.topics.split()) < 3:
        errors[ids.AGENDA_TOPICS] = "Name at least one topic in a few words."
    bad_links = [link for link in agenda.links.split() if link_problem(link)]
    if bad_links:
        errors[ids.AGENDA_LINKS] = f"{bad_links[0][:60]} isn't a working https link."
    if errors:
        ack(response_action="errors", errors=errors)
        return
    submitted(ack, ids.AGENDA_TOPICS, lambda: meetings.send_agenda(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        metadata_id(view), agenda, in_the_form(ack)))

"""Submitting the agenda: topics to the mentor, in one tidy DM."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.domain.meetings import link_problem
from bot.flows.dm import send_dm, update_dm
from bot.messages import ids, shared
from bot.messages.meetings import agenda_for_mentor
from bot.messages.notice import notice_modal
from bot.services import meetings
from handlers.context import deps_of, slack_of
from handlers.payload import metadata_id, values
from handlers.replies import attempt_submission


def handle_agenda(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    answered = values(view)
    agenda = meetings.Agenda(*(answered.text(key) for key in (
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
    now, meeting_id = deps.now(), metadata_id(view)
    sent = attempt_submission(deps, ack, ids.AGENDA_TOPICS, lambda uow: meetings.send_agenda(
        uow, context.team_id, meeting_id, context.user_id, agenda, now,
        deps.timing))
    if sent is None:
        return
    meeting = sent.meeting
    rel = meeting.relationship
    # The modal says it went: no message of its own for what she just did.
    ack(response_action="update", view=notice_modal("Agenda sent", _where_it_went(sent)))
    if meeting.booking is not None:
        tz = deps.directory.tz_of(rel.team_id, rel.mentee_id, now)
        update_dm(slack_of(context), meeting.booking, *shared.booking(meeting, tz))
        return
    mentor_tz = deps.directory.tz_of(rel.team_id, rel.mentor_id, now)
    send_dm(slack_of(context), rel.mentor_id, f"Agenda from <@{rel.mentee_id}>",
            agenda_for_mentor(meeting, mentor_tz))


def _where_it_went(sent: meetings.AgendaSent) -> str:
    meeting = sent.meeting
    mentor = f"<@{meeting.relationship.mentor_id}>"
    where = ["on the meeting's message in your conversation" if meeting.booking is not None
             else "in a direct message"]
    if sent.in_briefing:
        where.append("in their reminder the day before")
    return f"{mentor} has your topics, {' and '.join(where)}."

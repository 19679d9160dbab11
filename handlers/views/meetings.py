"""Submitting the schedule modal."""

from __future__ import annotations

from datetime import date, datetime, time

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.calendar import meeting_ics
from bot.domain.errors import DomainError
from bot.domain.invitation import MeetingFormat
from bot.domain.meetings import MeetingPlan
from bot.services import meetings
from bot.timefmt import zone
from handlers import ids
from handlers.blocks.meetings import meeting_announcement
from handlers.context import deps_of
from handlers.dm import send_dm
from handlers.views.state import values


def handle_schedule(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    team_id, mentee_id, now = context.team_id, context.user_id, deps.now()
    answered = values(view)
    mentee = deps.directory.cached(team_id, mentee_id, now)
    tz = mentee.tz if mentee else "UTC"
    local = datetime.combine(date.fromisoformat(str(answered[ids.MEETING_DATE])),
                             time.fromisoformat(str(answered[ids.MEETING_TIME])),
                             tzinfo=zone(tz))
    plan = MeetingPlan(local, int(answered[ids.INVITE_MINUTES]),
                       MeetingFormat(answered[ids.INVITE_FORMAT]),
                       str(answered.get(ids.MEETING_LINK) or ""),
                       str(answered.get(ids.MEETING_PLACE) or ""))
    try:
        with deps.uow() as uow:
            meeting = meetings.schedule(uow, team_id, int(view["private_metadata"]), mentee_id,
                                        plan, now, deps.timing)
    except meetings.Refused as refused:
        ack(response_action="errors", errors=refused.errors)
        return
    except DomainError as refusal:
        ack(response_action="errors", errors={ids.MEETING_DATE: str(refusal)})
        return
    ack(response_action="clear")
    rel = meeting.relationship
    people = {person: deps.directory.lookup(team_id, person, now)
              for person in (rel.mentee_id, rel.mentor_id)}
    ics = meeting_ics(meeting, people[rel.mentee_id], people[rel.mentor_id], now)
    for person, profile in people.items():
        send_dm(client, person, "Mentoring session scheduled",
                meeting_announcement(meeting, person, profile.tz))
        channel = client.conversations_open(users=person)["channel"]["id"]
        client.files_upload_v2(channel=channel, content=ics, filename="mentoring-session.ics",
                               title="Calendar invitation")

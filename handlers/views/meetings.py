"""Submitting the schedule modal."""

from __future__ import annotations

from datetime import date, datetime, time

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.domain.errors import DomainError
from bot.domain.invitation import MeetingFormat
from bot.domain.meetings import MeetingPlan
from bot.services import meetings
from bot.timefmt import zone
from handlers import ids
from handlers.context import deps_of
from handlers.meeting_notices import announce
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
    relationship_id, _, meeting_id = view["private_metadata"].partition(":")
    try:
        with deps.uow() as uow:
            if meeting_id:
                change = meetings.reschedule(uow, team_id, int(meeting_id), mentee_id, plan,
                                             now, deps.timing)
                meeting = change.meeting
            else:
                change = None
                meeting = meetings.schedule(uow, team_id, int(relationship_id), mentee_id,
                                            plan, now, deps.timing)
    except meetings.Refused as refused:
        ack(response_action="errors", errors=refused.errors)
        return
    except DomainError as refusal:
        ack(response_action="errors", errors={ids.MEETING_DATE: str(refusal)})
        return
    ack(response_action="clear")
    announce(deps, client, meeting, now,
             headline="Moved: mentoring session with" if change else "Mentoring session with",
             change=change)

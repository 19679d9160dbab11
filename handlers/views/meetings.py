"""Submitting the schedule modal."""

from __future__ import annotations

from datetime import datetime

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.domain.errors import DomainError
from bot.domain.invitation import MeetingFormat
from bot.domain.meetings import MeetingPlan
from bot.services import meetings
from bot.timefmt import zone
from handlers import ids
from handlers.blocks.pair import BOOKED, MOVED
from handlers.context import deps_of
from handlers.meeting_notices import announce
from handlers.views.state import as_id, values


def handle_schedule(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    team_id, mentee_id, now = context.team_id, context.user_id, deps.now()
    answered = values(view)
    mentee = deps.directory.cached(team_id, mentee_id, now)
    tz = mentee.tz if mentee else "UTC"
    local = datetime.combine(answered.day(ids.MEETING_DATE), answered.clock(ids.MEETING_TIME),
                             tzinfo=zone(tz))
    plan = MeetingPlan(local, answered.number(ids.INVITE_MINUTES),
                       answered.choice(ids.INVITE_FORMAT, MeetingFormat),
                       answered.text(ids.MEETING_LINK), answered.text(ids.MEETING_PLACE))
    relationship_text, _, meeting_text = view["private_metadata"].partition(":")
    relationship_id = as_id(relationship_text, "private_metadata")
    meeting_id = as_id(meeting_text, "private_metadata") if meeting_text else None
    try:
        with deps.uow() as uow:
            if meeting_id:
                change = meetings.reschedule(uow, team_id, meeting_id, mentee_id, plan,
                                             now, deps.timing)
                meeting = change.meeting
            else:
                change = None
                meeting = meetings.schedule(uow, team_id, relationship_id, mentee_id,
                                            plan, now, deps.timing)
    except meetings.Refused as refused:
        ack(response_action="errors", errors=refused.errors)
        return
    except DomainError as refusal:
        ack(response_action="errors", errors={ids.MEETING_DATE: str(refusal)})
        return
    ack(response_action="clear")
    announce(deps, client, meeting, now, headline=MOVED if change else BOOKED, change=change)

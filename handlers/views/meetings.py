"""Submitting the schedule modal."""

from __future__ import annotations

from datetime import datetime

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.domain.errors import DomainError
from bot.domain.invitation import MeetingFormat
from bot.domain.meetings import MeetingPlan
from bot.flows.dm import send_dm, update_dm
from bot.flows.meeting_notices import announce
from bot.messages import ids, shared
from bot.messages.meetings import change_request
from bot.messages.notice import notice_modal
from bot.messages.shared import BOOKED, MOVED
from bot.services import meetings
from bot.support.timefmt import zone
from handlers.context import deps_of, slack_of
from handlers.payload import as_id, values


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
    announce(deps, slack_of(context), meeting, now, headline=MOVED if change else BOOKED,
             change=change)


def handle_ask_change(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    """The mentor's request, with his words and times that suit him: said on the meeting's
    message for both, and to the mentee with a button per time."""
    deps = deps_of(context)
    team_id, mentor_id, now = context.team_id, context.user_id, deps.now()
    answered = values(view)
    tz = deps.directory.tz_of(team_id, mentor_id, now)
    proposals, errors = _proposals(answered, tz)
    if errors:
        ack(response_action="errors", errors=errors)
        return
    meeting_id = as_id(view["private_metadata"].split(":", 1)[0], "private_metadata")
    try:
        with deps.uow() as uow:
            meeting = meetings.ask_to_change(uow, team_id, meeting_id, mentor_id, now,
                                             proposals)
    except meetings.Refused as refused:
        position, problem = next(iter(refused.errors.items()))
        ack(response_action="errors", errors={f"{ids.ASK_DATE}{position}": problem})
        return
    except DomainError as refusal:
        ack(response_action="errors", errors={ids.ASK_NOTE: str(refusal)})
        return
    rel = meeting.relationship
    ack(response_action="update", view=notice_modal(
        "Asked", f"<@{rel.mentee_id}> has your request and moves it; you'll see the new time "
        "on the meeting's message."))
    note = answered.text(ids.ASK_NOTE)
    mentee_tz = deps.directory.tz_of(team_id, rel.mentee_id, now)
    if meeting.booking is not None:
        update_dm(slack_of(context), meeting.booking,
                  *shared.booking(meeting, mentee_tz, request=(note, proposals)))
    send_dm(slack_of(context), rel.mentee_id, *change_request(meeting, mentee_tz, note, proposals))


def _proposals(answered, tz: str) -> tuple[tuple[datetime, ...], dict[str, str]]:
    """The times the mentor filled in, as instants; a date without a time (or the other
    way round) is an inline error on it."""
    found, errors = [], {}
    for n in range(1, ids.ASK_TIMES + 1):
        day, clock = answered.get(f"{ids.ASK_DATE}{n}"), answered.get(f"{ids.ASK_TIME}{n}")
        if not day and not clock:
            continue
        if not day or not clock:
            errors[f"{ids.ASK_DATE}{n}"] = "Give both the date and the start time."
            continue
        found.append(datetime.combine(answered.day(f"{ids.ASK_DATE}{n}"),
                                      answered.clock(f"{ids.ASK_TIME}{n}"), tzinfo=zone(tz)))
    return tuple(found), errors

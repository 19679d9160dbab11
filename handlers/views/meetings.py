"""Submitting the schedule modal."""

from __future__ import annotations

from datetime import UTC, datetime

from slack_bolt import Ack, BoltContext

from bot.domain.errors import DomainError
from bot.domain.invitation import MeetingFormat
from bot.domain.meetings import MeetingPlan
from bot.flows import meetings
from bot.messages import ids
from bot.services import meetings as meeting_records
from bot.support.timefmt import zone
from handlers.context import deps_of, slack_of
from handlers.payload import as_id, errors_in, values, view_with
from handlers.replies import in_the_form


def handle_schedule(ack: Ack, view: dict, context: BoltContext) -> None:
    deps, answered = deps_of(context), values(view)
    start, from_slot = _start(deps, context, answered)
    plan = MeetingPlan(start, answered.number(ids.INVITE_MINUTES),
                       answered.choice(ids.INVITE_FORMAT, MeetingFormat),
                       answered.text(ids.MEETING_LINK), answered.text(ids.MEETING_PLACE))
    relationship_text, _, meeting_text = view["private_metadata"].partition(":")
    try:
        meetings.schedule(deps, slack_of(context), context.team_id, context.user_id,
                          as_id(relationship_text, "private_metadata"),
                          as_id(meeting_text, "private_metadata") if meeting_text else None,
                          plan, answer=lambda: ack(response_action="clear"),
                          from_slot=from_slot)
    except meetings.SlotGone as gone:
        ack(response_action="update", view=view_with(view, gone.refreshed(view["blocks"])))
    except meeting_records.Refused as refused:
        ack(response_action="errors", errors=errors_in(view, refused.errors))
    except DomainError as refusal:
        ack(response_action="errors", errors=errors_in(view, {ids.MEETING_DATE: str(refusal)}))


def _start(deps, context: BoltContext, answered) -> tuple[datetime, bool]:
    """A slot of his usual times she chose (True), or her date and time in her zone."""
    slot = answered.get(ids.USUAL_SLOT)
    if slot is not None and slot != ids.ANOTHER_TIME:
        return datetime.fromtimestamp(as_id(str(slot), ids.USUAL_SLOT), UTC), True
    mentee = deps.directory.seen(context.team_id, context.user_id, deps.now())
    return datetime.combine(answered.day(ids.MEETING_DATE), answered.clock(ids.MEETING_TIME),
                            tzinfo=zone(mentee.tz if mentee else "UTC")), False


def handle_ask_change(ack: Ack, view: dict, context: BoltContext) -> None:
    """The mentor's request, with his words and times that suit him."""
    deps, answered = deps_of(context), values(view)
    tz = deps.directory.tz_of(context.team_id, context.user_id, deps.now())
    proposals, errors = _proposals(answered, tz)
    if errors:
        ack(response_action="errors", errors=errors)
        return
    try:
        meetings.ask_to_change(
            deps, slack_of(context), context.team_id, context.user_id,
            as_id(view["private_metadata"].split(":", 1)[0], "private_metadata"),
            answered.text(ids.ASK_NOTE), proposals, answer=in_the_form(ack))
    except meeting_records.Refused as refused:
        position, problem = next(iter(refused.errors.items()))
        ack(response_action="errors", errors={f"{ids.ASK_DATE}{position}": problem})
    except DomainError as refusal:
        ack(response_action="errors", errors={ids.ASK_NOTE: str(refusal)})


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

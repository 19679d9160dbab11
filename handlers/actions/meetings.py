"""Buttons about meetings. Each acknowledges first; refusals come back ephemeral."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.domain.errors import DomainError
from bot.domain.relationship import Role
from bot.flows.deps import Deps
from bot.flows.meeting_notices import announce
from bot.messages import ids
from bot.messages.meetings import (
    after_meeting_modal,
    agenda_modal,
    ask_change_modal,
    schedule_modal,
    their_time,
)
from bot.messages.shared import CANCELLED, MOVED
from bot.services import meetings, relationships
from bot.services.meetings import MeetingView
from bot.support.timefmt import when, zone
from handlers.actions.invitation import replace_clicked
from handlers.context import deps_of, slack_of
from handlers.forms import mentor_clock, open_schedule_form
from handlers.payload import as_id, clicked_value, values
from handlers.replies import answer_refusals, attempt, refuse

# What views.update takes of a view Slack sent: the rest (id, state, hash...) is Slack's.
VIEW_KEYS = ("type", "callback_id", "title", "submit", "close", "private_metadata",
             "clear_on_close", "notify_on_close", "external_id")


def _meeting_ref(body: dict) -> tuple[int, int | None]:
    """The meeting a button names, and the version it was sent for (None on the App Home,
    which always shows the current one); a proposed time may follow, after another ':'."""
    meeting_id, _, rest = clicked_value(body).partition(":")
    sequence = rest.split(":", 1)[0]
    return as_id(meeting_id), as_id(sequence, "sequence") if sequence else None


def _meeting_id(body: dict) -> int:
    return _meeting_ref(body)[0]


def _current(deps: Deps, body: dict, context: BoltContext,
             meeting: MeetingView | None = None) -> MeetingView:
    """The clicked meeting (read here unless given), if the button still speaks for it;
    else DomainError saying it was cancelled, or where it moved (in the clicker's time)."""
    meeting_id, sequence = _meeting_ref(body)
    try:
        if meeting is not None:
            return meetings.still_current(meeting, sequence)
        with deps.reader() as uow:
            return meetings.clicked(uow, context.team_id, meeting_id, sequence,
                                    context.user_id)
    except meetings.Moved as moved:
        tz = deps.directory.tz_of(context.team_id, context.user_id, deps.now())
        raise DomainError(f"That meeting was moved to *{when(moved.meeting.plan.starts_at, tz)}*"
                          " (your time): the newer message has its buttons.") from None


def _still_current(deps: Deps, body: dict, context: BoltContext, respond: Respond) -> bool:
    try:
        _current(deps, body, context)
    except DomainError as refusal:
        refuse(respond, refusal)
        return False
    return True


def _clickers_meeting(deps: Deps, body: dict, context: BoltContext, refusal_text: str,
                     role: Role = Role.MENTEE) -> MeetingView:
    """The clicked meeting, when the clicker has `role` in it; else DomainError(refusal_text).
    Who may act is said first; whether the button still applies, second."""
    with deps.reader() as uow:
        meeting = meetings.get(uow, context.team_id, _meeting_id(body), context.user_id)
    if meeting.relationship.role_of(context.user_id) is not role:
        raise DomainError(refusal_text)
    return _current(deps, body, context, meeting)


def _open_form(body: dict, client: WebClient, context: BoltContext, respond: Respond,
                     refusal_text: str, build, role: Role = Role.MENTEE) -> None:
    deps = deps_of(context)
    try:
        meeting = _clickers_meeting(deps, body, context, refusal_text, role)
    except DomainError as refusal:
        refuse(respond, refusal)
        return
    tz = deps.directory.tz_of(context.team_id, context.user_id, deps.now())
    client.views_open(trigger_id=body["trigger_id"], view=build(meeting, tz))


def open_agenda(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                respond: Respond) -> None:
    ack()
    _open_form(body, client, context, respond,
                     "The mentee sets the agenda; it will reach you here.", agenda_modal)


def open_reschedule(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                    respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    now = deps.now()
    _open_form(body, client, context, respond,
               "As the mentor, use Ask to reschedule; the mentee moves it.",
               lambda meeting, tz: schedule_modal(
                   meeting.relationship, now, tz,
                   mentor_clock(deps, meeting.relationship, now), meeting))


def show_their_time(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    """A date or time picked in the schedule form: the mentor's time under it follows."""
    ack()
    deps = deps_of(context)
    view, now = body["view"], deps.now()
    answered = values(view)
    if not (answered.get(ids.MEETING_DATE) and answered.get(ids.MEETING_TIME)):
        return  # one of them cleared: nothing to say until both are there
    day, clock = answered.day(ids.MEETING_DATE), answered.clock(ids.MEETING_TIME)
    relationship_id = as_id(view.get("private_metadata", "").partition(":")[0],
                            "private_metadata")
    with deps.reader() as uow:
        rel = relationships.get(uow, context.team_id, relationship_id, context.user_id)
    tz = deps.directory.tz_of(context.team_id, context.user_id, now)
    start = datetime.combine(day, clock, tzinfo=zone(tz))
    line = their_time(rel, start, mentor_clock(deps, rel, now))
    picked = {ids.MEETING_DATE: ("initial_date", day.isoformat()),
              ids.MEETING_TIME: ("initial_time", clock.strftime("%H:%M"))}
    blocks = [line if block.get("block_id") == ids.THEIR_TIME else _with_pick(block, picked)
              for block in view["blocks"]]
    client.views_update(view_id=view["id"], hash=view.get("hash"),
                        view={key: view[key] for key in VIEW_KEYS if key in view}
                        | {"blocks": blocks})


def open_after_meeting(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                       respond: Respond) -> None:
    ack()
    _open_form(body, client, context, respond, "Only the mentee logs a meeting.",
                     after_meeting_modal)


def open_schedule(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    ack()
    # The nudge and the App Home name the relationship; with several, that one is meant.
    value = clicked_value(body)
    answer_refusals(respond, context.user_id, lambda: open_schedule_form(
        deps_of(context), client, body["trigger_id"], context.team_id, context.user_id,
        relationship_id=as_id(value) if value else None))


def schedule_next(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    """A nudge's "book the next one": after a booking, it says when that is."""
    ack()
    answer_refusals(respond, context.user_id, lambda: open_schedule_form(
        deps_of(context), client, body["trigger_id"], context.team_id, context.user_id,
        relationship_id=as_id(clicked_value(body)), unless_booked=True))


def confirm_logistics(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                      respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    if not _still_current(deps, body, context, respond):
        return
    meeting = attempt(deps, respond, lambda uow: meetings.confirm_logistics(
        uow, context.team_id, _meeting_id(body), context.user_id, deps.now()))
    if meeting is None:
        return
    replace_clicked(body, client, respond,
                    f":white_check_mark: Logistics confirmed for tomorrow with "
                    f"<@{meeting.relationship.mentor_id}>. Enjoy the session.")


def cancel_meeting(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                   respond: Respond) -> None:
    ack()
    deps = deps_of(context)
    now = deps.now()
    if not _still_current(deps, body, context, respond):
        return
    change = attempt(deps, respond, lambda uow: meetings.cancel(
        uow, context.team_id, _meeting_id(body), context.user_id, now, deps.timing))
    if change is None:
        return
    announce(deps, slack_of(context), change.meeting, now, headline=CANCELLED, change=change,
             cancelled=True)


def ask_to_change(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    """The mentor's Ask to reschedule: a note and times that suit him, in a modal."""
    ack()
    _open_form(body, client, context, respond,
                     "As the mentee, change it yourself with Reschedule.", ask_change_modal,
                     role=Role.MENTOR)


def move_to_proposed(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                     respond: Respond) -> None:
    """One click of the mentee moves the meeting to a time the mentor proposed."""
    ack()
    deps = deps_of(context)
    now = deps.now()
    stamp = as_id(clicked_value(body).rsplit(":", 1)[-1], "proposed time")
    try:
        meeting = _clickers_meeting(deps, body, context,
                                   "The mentee moves it; you asked, and they will.")
    except DomainError as refusal:
        refuse(respond, refusal)
        return
    plan = replace(meeting.plan, starts_at=datetime.fromtimestamp(stamp, UTC))
    try:
        change = attempt(deps, respond, lambda uow: meetings.reschedule(
            uow, context.team_id, meeting.id, context.user_id, plan, now, deps.timing))
    except meetings.Refused as refused:
        refuse(respond, DomainError(next(iter(refused.errors.values()))))
        return
    if change is None:
        return
    tz = deps.directory.tz_of(context.team_id, context.user_id, now)
    replace_clicked(body, client, respond,
                    f":white_check_mark: Moved to *{when(plan.starts_at, tz)}* (your time).")
    announce(deps, slack_of(context), change.meeting, now, headline=MOVED, change=change)


def _with_pick(block: dict, picked: dict[str, tuple[str, str]]) -> dict:
    """The block as she set it: Slack keeps her pick anyway, and the view says it too."""
    if block.get("block_id") not in picked:
        return block
    key, value = picked[block["block_id"]]
    return {**block, "element": {**block["element"], key: value}}

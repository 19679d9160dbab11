"""Buttons about meetings. Each acknowledges first, then opens a form or calls one flow;
refusals come back to the clicker alone."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.domain.relationship import Role
from bot.flows import meeting_forms, meetings
from bot.messages import ids
from bot.messages.agenda_prompts import PROMPTS, with_prompt
from bot.messages.meetings import after_meeting_modal, agenda_modal, ask_change_modal
from bot.slack.shapes import Malformed
from handlers.context import deps_of, slack_of
from handlers.payload import as_id, clicked_value, values, view_with
from handlers.replies import clicked, in_place_of, open_form


def _meeting_ref(body: dict) -> tuple[int, int | None]:
    """The meeting a button names, and the version it was sent for (None on the App Home,
    which always shows the current one); a proposed time may follow, after another ':'."""
    meeting_id, _, rest = clicked_value(body).partition(":")
    sequence = rest.split(":", 1)[0]
    return as_id(meeting_id), as_id(sequence, "sequence") if sequence else None


def _meeting_form(body: dict, client: WebClient, context: BoltContext, respond: Respond,
                  refusal: str, build, role: Role = Role.MENTEE) -> None:
    open_form(client, body["trigger_id"], respond, context.user_id, lambda: (
        meeting_forms.meeting_form(deps_of(context), context.team_id, context.user_id,
                                   *_meeting_ref(body), build, role=role, refusal=refusal)))


def open_agenda(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                respond: Respond) -> None:
    ack()
    _meeting_form(body, client, context, respond,
                  "The mentee sets the agenda; it will reach you here.", agenda_modal)


def open_after_meeting(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                       respond: Respond) -> None:
    ack()
    _meeting_form(body, client, context, respond, "Only the mentee logs a meeting.",
                  after_meeting_modal)


def ask_to_change(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    """The mentor's Ask to reschedule: a note and times that suit him, in a modal."""
    ack()
    _meeting_form(body, client, context, respond,
                  "As the mentee, change it yourself with Reschedule.", ask_change_modal,
                  role=Role.MENTOR)


def open_reschedule(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                    respond: Respond) -> None:
    ack()
    open_form(client, body["trigger_id"], respond, context.user_id, lambda: (
        meeting_forms.reschedule_form(deps_of(context), context.team_id, context.user_id,
                              *_meeting_ref(body))))


def open_schedule(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    ack()
    # The nudge and the App Home name the relationship; with several, that one is meant.
    value = clicked_value(body)
    open_form(client, body["trigger_id"], respond, context.user_id, lambda: (
        meeting_forms.schedule_form(deps_of(context), context.team_id, context.user_id,
                                    relationship_id=as_id(value) if value else None)))


def schedule_next(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                  respond: Respond) -> None:
    """A nudge's "book the next one": after a booking, it says when that is."""
    ack()
    open_form(client, body["trigger_id"], respond, context.user_id, lambda: (
        meeting_forms.schedule_form(deps_of(context), context.team_id, context.user_id,
                                    relationship_id=as_id(clicked_value(body)),
                                    unless_booked=True)))


def show_their_time(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    """A date or time picked in the schedule form: the mentor's time under it follows."""
    ack()
    view = body["view"]
    answered = values(view)
    if not (answered.get(ids.MEETING_DATE) and answered.get(ids.MEETING_TIME)):
        return  # one of them cleared: nothing to say until both are there
    day, clock = answered.day(ids.MEETING_DATE), answered.clock(ids.MEETING_TIME)
    line = meeting_forms.their_time_now(
        deps_of(context), context.team_id, context.user_id,
        as_id(view.get("private_metadata", "").partition(":")[0], "private_metadata"), day,
        clock)
    blocks = meeting_forms.with_picks(view["blocks"], line, day, clock)
    client.views_update(view_id=view["id"], hash=view.get("hash"),
                        view=view_with(view, blocks))


def show_slot(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    """A slot of his usual times chosen in the schedule form: the date and time follow."""
    ack()
    view = body["view"]
    chosen = str(values(view).get(ids.USUAL_SLOT) or ids.ANOTHER_TIME)
    if chosen == ids.ANOTHER_TIME:
        return  # the date and time below are hers to set
    line, day, clock = meeting_forms.slot_chosen(
        deps_of(context), context.team_id, context.user_id,
        as_id(view.get("private_metadata", "").partition(":")[0], "private_metadata"),
        as_id(chosen, ids.USUAL_SLOT))
    blocks = meeting_forms.with_picks(view["blocks"], line, day, clock, slot=chosen)
    client.views_update(view_id=view["id"], hash=view.get("hash"),
                        view=view_with(view, blocks))


def confirm_logistics(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                      respond: Respond) -> None:
    ack()
    clicked(respond, lambda: meetings.confirm_logistics(
        deps_of(context), context.team_id, context.user_id, *_meeting_ref(body),
        show=in_place_of(body, client, respond)))


def cancel_meeting(ack: Ack, body: dict, context: BoltContext, respond: Respond) -> None:
    ack()
    clicked(respond, lambda: meetings.cancel(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        *_meeting_ref(body)))


def move_to_proposed(ack: Ack, body: dict, client: WebClient, context: BoltContext,
                     respond: Respond) -> None:
    """One click of the mentee moves the meeting to a time the mentor proposed."""
    ack()
    proposed = as_id(clicked_value(body).rsplit(":", 1)[-1], "proposed time")
    clicked(respond, lambda: meetings.move_to_proposed(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        *_meeting_ref(body), proposed,
        show=in_place_of(body, client, respond)))


def insert_agenda_prompt(ack: Ack, body: dict, client: WebClient) -> None:
    """An idea from the article, added to the questions she is writing."""
    ack()
    view = body["view"]
    number = as_id(body["actions"][0]["action_id"].removeprefix(ids.AGENDA_PROMPT))
    if number > len(PROMPTS):
        raise Malformed("an agenda prompt the form never offered")
    blocks = with_prompt(view["blocks"], values(view).text(ids.AGENDA_QUESTIONS), number)
    client.views_update(view_id=view["id"], hash=view.get("hash"),
                        view=view_with(view, blocks))

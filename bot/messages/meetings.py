"""Block Kit for scheduling a meeting and announcing it to both people."""

from __future__ import annotations

from datetime import datetime

from bot.domain.connection import Shared, asked_after
from bot.domain.invitation import MeetingFormat
from bot.domain.meetings import Clock, MeetingStatus, TheirHour, their_hour
from bot.messages import ids
from bot.messages.agenda_prompts import prompt_buttons
from bot.messages.invitation import FORMAT_OPTIONS, MINUTE_OPTIONS
from bot.messages.kit import (
    actions,
    button,
    confirm_dialog,
    context,
    escape,
    link,
    modal,
    option,
    quote,
    radio_input,
    section,
    select_input,
    text_input,
)
from bot.messages.usual_times import place, slot_choice
from bot.services.meetings import MeetingView
from bot.services.relationships import RelationshipView
from bot.support.timefmt import when, zone

# What a call link reads as: its host, so the label can't claim to be somewhere else.
CALL_LABEL = "Join on {host}"


def their_time(rel: RelationshipView, start: datetime, mentor: Clock) -> dict:
    """What the chosen start is for the mentor, with a warning when it is no time for him."""
    local = start.astimezone(zone(mentor.tz))
    said = f"That's *{local:%a %H:%M}* for <@{rel.mentor_id}>, in {place(mentor.tz)}"
    hour = their_hour(start, mentor.zone, mentor.quiet)
    if hour is TheirHour.NIGHT:
        said = f":warning: {said}: the middle of their night. Pick a time they're awake?"
    elif hour is TheirHour.QUIET:
        said = (f":warning: {said}: inside the hours they keep quiet. A time within their "
                "day is kinder.")
    else:
        said += "."
    return {**context(said), "block_id": ids.THEIR_TIME}


def schedule_modal(rel: RelationshipView, start: datetime, tz: str, mentor: Clock,
                   meeting: MeetingView | None = None, slots: list[datetime] | None = None
                   ) -> dict:
    """New (meeting None) or a reschedule of `meeting`, prefilled with its details. The
    date and time report each change, so the mentor's time below them stays current.
    `slots`: free times inside his usual times, offered first, the first one chosen."""
    if slots:
        start = slots[0]
    elif meeting is not None:
        start = meeting.plan.starts_at
    local = start.astimezone(zone(tz))
    blocks = [
        context(f"Your time zone: {tz}. <@{rel.mentor_id}> sees the time in theirs."),
        *(slot_choice(rel.mentor_id, slots, tz, mentor.tz) if slots else []),
        {"type": "input", "block_id": ids.MEETING_DATE, "dispatch_action": True,
         "label": {"type": "plain_text", "text": "Date"},
         "element": {"type": "datepicker", "action_id": ids.MEETING_DATE,
                     "initial_date": local.date().isoformat()}},
        {"type": "input", "block_id": ids.MEETING_TIME, "dispatch_action": True,
         "label": {"type": "plain_text", "text": "Start time"},
         "element": {"type": "timepicker", "action_id": ids.MEETING_TIME,
                     "initial_time": local.strftime("%H:%M")}},
        their_time(rel, start, mentor),
        select_input(ids.INVITE_MINUTES, "Length", MINUTE_OPTIONS,
                     str(meeting.plan.minutes if meeting else rel.terms.minutes)),
        radio_input(ids.INVITE_FORMAT, "Format", FORMAT_OPTIONS,
                    (meeting.plan.meeting_format if meeting
                     else rel.invitation.meeting_format).value),
        text_input(ids.MEETING_LINK, "Video link", multiline=False, optional=True, placeholder="https://zoom.us/j/1234567890",
                   initial=meeting.plan.link if meeting else None,
                   hint="Test it before you send: a dead link is the classic logistics slip."),
        text_input(ids.MEETING_PLACE, "Place (in person) or phone details", multiline=False,
                   optional=True,
                   initial=meeting.plan.place if meeting else None),
    ]
    metadata = f"{rel.id}:{meeting.id}" if meeting else str(rel.id)
    return modal(ids.SCHEDULE_VIEW, "Reschedule" if meeting else "Schedule a meeting",
                 blocks, submit="Move it" if meeting else "Schedule",
                 private_metadata=metadata)


def meeting_value(meeting: MeetingView) -> str:
    """A meeting button's value: the meeting and its version, so a button from before a
    move is recognised as such."""
    return f"{meeting.id}:{meeting.sequence}"


CANCEL_CONFIRM = confirm_dialog(
    "Cancel this meeting?", "Both calendars get a cancellation, and your mentor is told.",
    "Cancel meeting", "Keep it")


def superseded(meeting: MeetingView, reader_id: str, tz: str) -> tuple[str, list[dict]]:
    """What an announcement DM becomes once its time is no longer the meeting's."""
    rel = meeting.relationship
    other = rel.mentor_id if reader_id == rel.mentee_id else rel.mentee_id
    if meeting.cancelled:
        text = f"~Mentoring session with <@{other}>~: cancelled."
    else:
        text = (f"~Mentoring session with <@{other}>~: moved to "
                f"*{when(meeting.plan.starts_at, tz)}* (your time). The newer message has "
                "the details.")
    return text, [section(text)]


def meeting_buttons(meeting: MeetingView, reader_id: str) -> dict:
    value = meeting_value(meeting)
    if reader_id == meeting.relationship.mentee_id:
        return actions(button("Send the agenda", ids.SEND_AGENDA, value, style="primary"),
                       button("Reschedule", ids.MEETING_RESCHEDULE, value),
                       button("Cancel meeting", ids.MEETING_CANCEL, value,
                              confirm=CANCEL_CONFIRM),
                       block_id="meeting_actions")
    return actions(button("Ask to reschedule", ids.MEETING_ASK_CHANGE, value),
                   block_id="meeting_actions")


def change_request(meeting: MeetingView, tz: str, note: str = "",
                   proposals: tuple[datetime, ...] = ()) -> tuple[str, list[dict]]:
    """The mentee's part of his request: one click moves it to a time that suits him."""
    rel = meeting.relationship
    text = (f"<@{rel.mentor_id}> asks to move your session on "
            f"{when(meeting.plan.starts_at, tz)}. You carry it out:")
    blocks = [section(text)]
    if note:
        blocks.append(section(quote(note)))
    value = meeting_value(meeting)
    moves = [button(f"Move to {when(start, tz)}", f"{ids.MEETING_MOVE_TO}{n}",
                    f"{value}:{int(start.timestamp())}", style="primary" if n == 1 else None)
             for n, start in enumerate(proposals, start=1)]
    return text, [*blocks, actions(
        *moves,
        button("Another time" if moves else "Reschedule", ids.MEETING_RESCHEDULE, value,
               style=None if moves else "primary"),
        button("Cancel meeting", ids.MEETING_CANCEL, value, confirm=CANCEL_CONFIRM),
        block_id="change_request")]


def ask_change_modal(meeting: MeetingView, tz: str) -> dict:
    """The mentor's words and up to three times that suit him, in his zone."""
    rel = meeting.relationship
    blocks = [
        context(f"Your session with <@{rel.mentee_id}> on {when(meeting.plan.starts_at, tz)}."
                f" They move it; times that suit you make that one click. Your zone: {tz}."),
        text_input(ids.ASK_NOTE, "A note for them", optional=True,
                   placeholder="Something came up; any of these works for me."),
    ]
    for n in range(1, ids.ASK_TIMES + 1):
        blocks += [
            {"type": "input", "block_id": f"{ids.ASK_DATE}{n}", "optional": True,
             "label": {"type": "plain_text", "text": f"Time that suits you ({n}): date"},
             "element": {"type": "datepicker", "action_id": f"{ids.ASK_DATE}{n}"}},
            {"type": "input", "block_id": f"{ids.ASK_TIME}{n}", "optional": True,
             "label": {"type": "plain_text", "text": f"Time that suits you ({n}): start"},
             "element": {"type": "timepicker", "action_id": f"{ids.ASK_TIME}{n}"}},
        ]
    return modal(ids.ASK_CHANGE_VIEW, "Ask to reschedule", blocks, submit="Ask",
                 private_metadata=meeting_value(meeting))


def meeting_announcement(meeting: MeetingView, reader_id: str, tz: str,
                         headline: str = "Mentoring session with", note: str = "",
                         cancelled: bool = False) -> list[dict]:
    """Both people's DM; each carries the buttons its reader may use."""
    rel, plan = meeting.relationship, meeting.plan
    other = rel.mentor_id if reader_id == rel.mentee_id else rel.mentee_id
    where = {MeetingFormat.VIDEO: f"Video: {link(plan.link, CALL_LABEL)}",
             MeetingFormat.PHONE: f"Phone{': ' + escape(plan.place) if plan.place else ''}",
             MeetingFormat.IN_PERSON: f"In person: {escape(plan.place)}"}[plan.meeting_format]
    blocks = [
        section(f":calendar: *{headline} <@{other}>*\n"
                f"*{when(plan.starts_at, tz)}* (your time) · {plan.minutes} minutes\n{where}"),
    ]
    if note:
        blocks.append(context(note))
    if cancelled:
        return [*blocks, context("The calendar file below removes it from your calendar.")]
    return [*blocks,
            context("Agenda: the mentee sends topics before the meeting. The calendar file "
                    "below puts it in your calendar."),
            meeting_buttons(meeting, reader_id)]


def send_agenda_button(meeting: MeetingView) -> dict:
    return actions(button("Send the agenda", ids.SEND_AGENDA, meeting_value(meeting),
                          style="primary"), block_id="agenda_prompt")


# The first conversation is where the connection starts: the article's two items.
FIRST_MEETING_TOPICS = (
    "1. Our paths so far: a professional and a personal choice that shaped each of them\n"
    "2. Our expectations, talked through")
# One conversation: the article's ask, their career path, and the one question she brings.
CONVERSATION_TOPICS = (
    "1. Your path so far: a professional and a personal choice that shaped it\n"
    "2. My question: ")


def agenda_modal(meeting: MeetingView, tz: str) -> dict:
    rel = meeting.relationship
    blocks = [
        context(f"For your session with <@{rel.mentor_id}> on "
                f"{when(meeting.plan.starts_at, tz)}. You set the agenda: topics in advance "
                "let your mentor think before you meet."),
        text_input(ids.AGENDA_TOPICS, "Topics",
                   initial=(CONVERSATION_TOPICS if rel.terms.conversation
                            else FIRST_MEETING_TOPICS if meeting.first else None),
                   placeholder="1. Preparing for my first skip-level meeting\n2. …"),
        text_input(ids.AGENDA_QUESTIONS, "Questions", optional=True),
        *prompt_buttons(),
        text_input(ids.AGENDA_CONTEXT, "Context they should know", optional=True),
        text_input(ids.AGENDA_LINKS, "Links (one per line, https)", optional=True),
    ]
    return modal(ids.AGENDA_VIEW, "Agenda", blocks, submit="Send to mentor",
                 private_metadata=str(meeting.id))


def agenda_parts(meeting: MeetingView) -> list[dict]:
    """The agenda as the mentee wrote it, escaped, its links labelled by their host."""
    agenda = meeting.agenda
    parts = [f"*Topics*\n{escape(agenda.topics)}"]
    if agenda.questions:
        parts.append(f"*Questions*\n{escape(agenda.questions)}")
    if agenda.context:
        parts.append(f"*Context*\n{escape(agenda.context)}")
    if agenda.links:
        parts.append("*Links*\n" + "\n".join(link(url, "{host}")
                                              for url in agenda.links.split()))
    return [section(part) for part in parts]


def agenda_for_mentor(meeting: MeetingView, tz: str) -> list[dict]:
    return [
        section(f":memo: *Agenda from <@{meeting.relationship.mentee_id}>* for "
                f"{when(meeting.plan.starts_at, tz)} (your time)"),
        *agenda_parts(meeting),
    ]


def after_meeting_modal(meeting: MeetingView, tz: str) -> dict:
    rel = meeting.relationship
    options = [{"text": {"type": "plain_text", "text": "We met"},
                "value": MeetingStatus.HELD.value},
               {"text": {"type": "plain_text", "text": "It didn't happen"},
                "value": MeetingStatus.MISSED.value}]
    blocks = [
        context(f"Your session with <@{rel.mentor_id}> on {when(meeting.plan.starts_at, tz)}."),
        radio_input(ids.AFTER_HELD, "Did it take place?", options, MeetingStatus.HELD.value),
        text_input(ids.AFTER_TAKEAWAYS, "Key takeaways (private: only you see these)",
                   optional=True),
        *([] if meeting.summary_shared else [
            context(f"The summary and the thank-you below go to <@{rel.mentor_id}>, once, "
                    "as one message in your conversation."),
            text_input(ids.AFTER_SUMMARY, "A summary to share", optional=True,
                       placeholder="What we covered, what I decided, what I'll try next",
                       hint="The notes you may have promised: in your words, for you both "
                            "to reuse.")]),
        text_input(ids.AFTER_THANKS, "A thank-you for your mentor",
                   optional=True,
                   placeholder="Thank you for today. What stuck with me was … and I'll try …"),
    ]
    if asked_after(meeting.ordinal):
        blocks.insert(3, radio_input(
            ids.AFTER_SHARED, "Did either of you share something real today?",
            [option(answer.label, answer.value) for answer in Shared], None, optional=True,
            hint="Only you see this. A real connection is what keeps a mentor coming back."))
    return modal(ids.AFTER_VIEW, "After the meeting", blocks, submit="Save",
                 private_metadata=str(meeting.id))

"""What mentorbot says once, for both, in the pair's conversation: times in each reader's
own zone, and every button either of them may need on the one message."""

from __future__ import annotations

from datetime import datetime

from bot.domain.invitation import MeetingFormat
from bot.messages import ids
from bot.messages.kit import (
    actions,
    button,
    context,
    escape,
    link,
    local_time,
    quote,
    section,
)
from bot.messages.meetings import CALL_LABEL, CANCEL_CONFIRM, agenda_parts, meeting_value
from bot.services.meetings import MeetingView

BOOKED, MOVED, CANCELLED = "Mentoring session", "Moved: mentoring session", \
    "Cancelled: mentoring session"


def _where(meeting: MeetingView) -> str:
    plan = meeting.plan
    return {MeetingFormat.VIDEO: f"Video: {link(plan.link, CALL_LABEL)}",
            MeetingFormat.PHONE: f"Phone{': ' + escape(plan.place) if plan.place else ''}",
            MeetingFormat.IN_PERSON: f"In person: {escape(plan.place)}"}[plan.meeting_format]


def booking(meeting: MeetingView, fallback_tz: str, headline: str = BOOKED,
            note: str = "", request: tuple[str, tuple[datetime, ...]] | None = None
            ) -> tuple[str, list[dict]]:
    """The meeting's one message in the pair's conversation, kept current in place: the
    time, the way in, the agenda once sent, and the buttons of both."""
    rel, plan = meeting.relationship, meeting.plan
    text = f"{headline}: <@{rel.mentee_id}> and <@{rel.mentor_id}>"
    blocks = [section(f":calendar: *{text}*\n*{local_time(plan.starts_at, fallback_tz)}* · "
                      f"{plan.minutes} minutes\n{_where(meeting)}")]
    if note:
        blocks.append(context(note))
    if request is not None:
        words, times = request
        asked = f":arrows_counterclockwise: <@{rel.mentor_id}> asks to move it."
        if times:
            asked += " Times that suit them: " + ", ".join(
                local_time(start, fallback_tz) for start in times) + "."
        blocks.append(section(asked + (f"\n{quote(words)}" if words else "")))
    if meeting.cancelled:
        return text, [*blocks, context("The calendar file in the thread removes it.")]
    if meeting.agenda:
        blocks += [section(f":memo: *Agenda from <@{rel.mentee_id}>*"), *agenda_parts(meeting)]
    value = meeting_value(meeting)
    agenda = [] if meeting.agenda else [
        button("Send the agenda", ids.SEND_AGENDA, value, style="primary")]
    # Both see this message: each row of buttons says whose it is, above it.
    blocks += [
        context(f"For <@{rel.mentee_id}>, who sends the topics and moves it if needed:"),
        actions(*agenda,
                button("Reschedule", ids.MEETING_RESCHEDULE, value),
                button("Cancel meeting", ids.MEETING_CANCEL, value, confirm=CANCEL_CONFIRM),
                block_id="mentee_actions"),
        context(f"For <@{rel.mentor_id}>, if the time stops working:"),
        actions(button("Ask to reschedule", ids.MEETING_ASK_CHANGE, value),
                block_id="mentor_actions"),
        context("The calendar file is in the thread."),
    ]
    return text, blocks


def retired(meeting: MeetingView, fallback_tz: str) -> tuple[str, list[dict]]:
    """A booking whose time is no longer the meeting's: the newer message has it."""
    rel = meeting.relationship
    what = "cancelled" if meeting.cancelled else (
        f"moved to *{local_time(meeting.plan.starts_at, fallback_tz)}*; the newer message "
        "has the details")
    text = f"~Mentoring session of <@{rel.mentee_id}> and <@{rel.mentor_id}>~: {what}."
    return text, [section(text)]


def short_notice(hours: int) -> str:
    """Said once, for both, without counting: the agreement asked for more notice."""
    return f"Changed with less than the {hours} hours' notice you agreed."


def thanks(mentee_id: str, words: str, *, final: bool = False, summary: str = ""
           ) -> tuple[str, list[dict]]:
    """Her thanks and the summary she shares, in her words, as one message."""
    text, blocks = "", []
    if words:
        text = f"{'A final thank-you' if final else 'A thank-you'} from <@{mentee_id}>"
        blocks += [section(f":pray: *{text}*"), *quoted(words)]
    if summary:
        said = f"A summary of the session, from <@{mentee_id}>"
        blocks += [section(f":memo: *{said}*"), *quoted(summary)]
        if not words:
            text = said
    return text, blocks


# Slack refuses a section over 3,000 characters; escaping can lengthen her words.
SECTION_LIMIT = 3000


def quoted(words: str) -> list[dict]:
    """Her words quoted, in as many sections as their escaped length needs."""
    sections, lines = [], []
    for line in quote(words).splitlines():
        while len(line) > SECTION_LIMIT:
            sections.append(section(line[:SECTION_LIMIT - 1]))
            line = ">" + line[SECTION_LIMIT - 1:]
        if lines and len("\n".join([*lines, line])) > SECTION_LIMIT:
            sections.append(section("\n".join(lines)))
            lines = []
        lines.append(line)
    if lines:
        sections.append(section("\n".join(lines)))
    return sections

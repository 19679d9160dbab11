"""Block Kit for scheduling a meeting and announcing it to both people."""

from __future__ import annotations

from datetime import datetime

from bot.domain.invitation import MeetingFormat
from bot.services.invitations import RelationshipView
from bot.services.meetings import MeetingView
from bot.timefmt import when, zone
from handlers import ids
from handlers.blocks.invitation import FORMAT_OPTIONS, MINUTE_OPTIONS
from handlers.blocks.kit import (
    context,
    escape,
    modal,
    radio_input,
    section,
    select_input,
    text_input,
)


def schedule_modal(rel: RelationshipView, start: datetime, tz: str) -> dict:
    local = start.astimezone(zone(tz))
    blocks = [
        context(f"Your time zone: {tz}. <@{rel.mentor_id}> sees the time in theirs."),
        {"type": "input", "block_id": ids.MEETING_DATE, "label": {"type": "plain_text",
         "text": "Date"}, "element": {"type": "datepicker", "action_id": ids.MEETING_DATE,
                                      "initial_date": local.date().isoformat()}},
        {"type": "input", "block_id": ids.MEETING_TIME, "label": {"type": "plain_text",
         "text": "Start time"}, "element": {"type": "timepicker", "action_id": ids.MEETING_TIME,
                                            "initial_time": local.strftime("%H:%M")}},
        select_input(ids.INVITE_MINUTES, "Length", MINUTE_OPTIONS, str(rel.terms.minutes)),
        radio_input(ids.INVITE_FORMAT, "Format", FORMAT_OPTIONS,
                    rel.invitation.meeting_format.value),
        text_input(ids.MEETING_LINK, "Video link", multiline=False, optional=True,
                   max_length=1000, placeholder="https://zoom.us/j/1234567890",
                   hint="Test it before you send: a dead link is the classic logistics slip."),
        text_input(ids.MEETING_PLACE, "Place (in person) or phone details", multiline=False,
                   optional=True, max_length=500),
    ]
    return modal(ids.SCHEDULE_VIEW, "Schedule a meeting", blocks, submit="Schedule",
                 private_metadata=str(rel.id))


def meeting_announcement(meeting: MeetingView, reader_id: str, tz: str) -> list[dict]:
    rel, plan = meeting.relationship, meeting.plan
    other = rel.mentor_id if reader_id == rel.mentee_id else rel.mentee_id
    where = {MeetingFormat.VIDEO: f"Video: {plan.link}",
             MeetingFormat.PHONE: f"Phone{': ' + escape(plan.place) if plan.place else ''}",
             MeetingFormat.IN_PERSON: f"In person: {escape(plan.place)}"}[plan.meeting_format]
    return [
        section(f":calendar: *Mentoring session with <@{other}>*\n"
                f"*{when(plan.starts_at, tz)}* (your time) · {plan.minutes} minutes\n{where}"),
        context("Agenda: the mentee sends topics before the meeting. The calendar file "
                "below adds it to your calendar."),
    ]

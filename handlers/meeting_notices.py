"""Telling both people about a meeting: a DM in each one's time zone and a calendar file."""

from __future__ import annotations

import logging
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.calendar import meeting_ics
from bot.container import Deps
from bot.services import meetings
from bot.services.meetings import Change, MeetingView
from bot.services.relationships import MessageRef
from handlers.blocks.meetings import late_note, meeting_announcement, superseded
from handlers.dm import send_dm, update_dm

log = logging.getLogger(__name__)


def announce(deps: Deps, client: WebClient, meeting: MeetingView, now: datetime, *,
             headline: str = "Mentoring session with", change: Change | None = None,
             cancelled: bool = False) -> None:
    rel = meeting.relationship
    people = {person: deps.directory.lookup(rel.team_id, person, now)
              for person in (rel.mentee_id, rel.mentor_id)}
    ics = meeting_ics(meeting, people[rel.mentee_id], people[rel.mentor_id], now,
                      cancel=cancelled)
    previous = dict(zip((rel.mentee_id, rel.mentor_id), meeting.announced, strict=True))
    for person, profile in people.items():
        if previous[person] is not None:
            _retire(client, previous[person], meeting, person, profile.tz)
        note = ""
        if change is not None and change.late:
            counts = {role.value: n for role, n in change.late_changes.items()}
            note = late_note(change.late_by.value, counts, person == rel.mentee_id)
        other = rel.mentor_id if person == rel.mentee_id else rel.mentee_id
        sent = send_dm(client, person, f"{headline} <@{other}>",
                       meeting_announcement(meeting, person, profile.tz, headline, note,
                                            cancelled))
        if not cancelled:
            # Kept at once: a change a moment later must find this one to retire.
            with deps.uow() as uow:
                meetings.remember_announcement(uow, meeting.id, rel.role_of(person), sent)
        channel = client.conversations_open(users=person)["channel"]["id"]
        client.files_upload_v2(channel=channel, content=ics, filename="mentoring-session.ics",
                               title="Calendar cancellation" if cancelled
                               else "Calendar invitation")


def _retire(client: WebClient, where: MessageRef, meeting: MeetingView, reader_id: str,
            tz: str) -> None:
    """The DM of the meeting's old time: its buttons go, and it says where things stand."""
    text, blocks = superseded(meeting, reader_id, tz)
    try:
        update_dm(client, where, text, blocks)
    except SlackApiError as error:
        # The message may be gone (deleted by its reader): the new one says it all anyway.
        log.info("meeting %s: old announcement not updated (%s)", meeting.id,
                 error.response.get("error"))

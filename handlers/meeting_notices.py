"""Telling both people about a meeting: a DM in each one's time zone and a calendar file."""

from __future__ import annotations

from datetime import datetime

from slack_sdk import WebClient

from bot.calendar import meeting_ics
from bot.container import Deps
from bot.services.meetings import Change, MeetingView
from handlers.blocks.meetings import late_note, meeting_announcement
from handlers.dm import send_dm


def announce(deps: Deps, client: WebClient, meeting: MeetingView, now: datetime, *,
             headline: str = "Mentoring session with", change: Change | None = None,
             cancelled: bool = False) -> None:
    rel = meeting.relationship
    people = {person: deps.directory.lookup(rel.team_id, person, now)
              for person in (rel.mentee_id, rel.mentor_id)}
    ics = meeting_ics(meeting, people[rel.mentee_id], people[rel.mentor_id], now,
                      cancel=cancelled)
    for person, profile in people.items():
        note = ""
        if change is not None and change.late:
            counts = {role.value: n for role, n in change.late_changes.items()}
            note = late_note(change.late_by.value, counts, person == rel.mentee_id)
        other = rel.mentor_id if person == rel.mentee_id else rel.mentee_id
        send_dm(client, person, f"{headline} <@{other}>",
                meeting_announcement(meeting, person, profile.tz, headline, note, cancelled))
        channel = client.conversations_open(users=person)["channel"]["id"]
        client.files_upload_v2(channel=channel, content=ics, filename="mentoring-session.ics",
                               title="Calendar cancellation" if cancelled
                               else "Calendar invitation")

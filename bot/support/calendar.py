"""Calendar invitations (.ics) that any calendar can import, built with `icalendar`."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event, vCalAddress, vText

from bot.domain.invitation import MeetingFormat
from bot.services.meetings import MeetingView
from bot.services.people import Profile

# Someone who asked mentorbot to forget them: their events still end, under no name.
GONE = "someone who has left mentorbot"


def _address(person: Profile | None, team_id: str, role: str) -> vCalAddress:
    # Without an email (no users:read.email), a Slack URN still names the person.
    if person is None:
        uri = f"urn:slack:{team_id}:left"
    elif person.email:
        uri = f"mailto:{person.email}"
    else:
        uri = f"urn:slack:{team_id}:{person.user_id}"
    address = vCalAddress(uri)
    address.params["cn"] = vText(person.display_name if person else GONE)
    address.params["role"] = vText(role)
    return address


def _description(meeting: MeetingView) -> str:
    """What the calendar shows under the event: the agenda once she has sent it."""
    arranged = "Mentoring session, arranged by the mentee with mentorbot."
    agenda = meeting.agenda
    if agenda is None:
        return f"{arranged} The agenda arrives in Slack before the meeting."
    parts = [arranged, f"Topics:\n{agenda.topics}"]
    parts += [f"{label}:\n{text}" for label, text in (
        ("Questions", agenda.questions), ("Context", agenda.context),
        ("Links", agenda.links)) if text]
    return "\n\n".join(parts)


def meeting_ics(meeting: MeetingView, mentee: Profile | None, mentor: Profile | None,
                now: datetime, *, cancel: bool = False) -> bytes:
    """The event as both calendars should have it; a person no longer known (forgotten,
    or not found) is named by a stand-in, so the other's calendar still follows."""
    plan = meeting.plan
    calendar = Calendar()
    calendar.add("prodid", "-//mentorbot//mentoring sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "REQUEST")
    event = Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.calendar_sequence)
    event.add("dtstamp", now)
    event.add("dtstart", plan.starts_at)
    event.add("duration", timedelta(minutes=plan.minutes))
    names = (p.display_name if p else GONE for p in (mentee, mentor))
    event.add("summary", "Mentoring: {} & {}".format(*names))
    event.add("description", _description(meeting))
    if plan.meeting_format is MeetingFormat.VIDEO and plan.link:
        event.add("location", plan.link)
        event.add("url", plan.link)
    elif plan.place:
        event.add("location", plan.place)
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    team_id = meeting.relationship.team_id
    # The mentee organises; the mentor is the one invited (RFC 5546: the organiser is not
    # also an attendee of their own request).
    event.add("organizer", _address(mentee, team_id, "CHAIR"))
    event.add("attendee", _address(mentor, team_id, "REQ-PARTICIPANT"))
    calendar.add_component(event)
    # RFC 5545 §3.2.19: every TZID used must be defined by a VTIMEZONE in the file.
    calendar.add_missing_timezones()
    return calendar.to_ical()

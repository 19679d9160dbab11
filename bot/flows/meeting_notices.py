"""Telling both people about a meeting: once, in their conversation, with the calendar
file in its thread; in each one's DM when they have no conversation."""

from __future__ import annotations

import logging
from datetime import datetime

from slack_sdk.errors import SlackApiError

from bot.flows import pair_conversation as pair
from bot.flows.deps import Deps
from bot.flows.dm import send_dm, update_dm
from bot.flows.port import SlackPort
from bot.messages import shared
from bot.messages.meetings import meeting_announcement, superseded
from bot.services import meetings
from bot.services.endings import Ended
from bot.services.meetings import Change, MeetingView
from bot.services.people import Profile
from bot.services.relationships import MessageRef
from bot.support.calendar import meeting_ics

log = logging.getLogger(__name__)
ICS_NAME = "mentoring-session.ics"


def announce(deps: Deps, slack: SlackPort, meeting: MeetingView, now: datetime, *,
             headline: str = shared.BOOKED, change: Change | None = None,
             cancelled: bool = False) -> None:
    rel = meeting.relationship
    people = {person: deps.directory.lookup(rel.team_id, person, now)
              for person in (rel.mentee_id, rel.mentor_id)}
    ics = meeting_ics(meeting, people[rel.mentee_id], people[rel.mentor_id], now,
                      cancel=cancelled)
    title = "Calendar cancellation" if cancelled else "Calendar invitation"
    note = ""
    if change is not None and change.late:
        note = shared.short_notice(change.notice_hours)
    if not _in_their_conversation(deps, slack, meeting, people, headline, note, change,
                                  ics, title):
        _in_each_dm(deps, slack, meeting, people, headline, note, cancelled, ics, title)


def cancel_calendars(deps: Deps, slack: SlackPort, ended: Ended) -> None:
    """Meetings that were still ahead of an ending leave both calendars."""
    rel = ended.relationship
    now = deps.now()
    for meeting_id in ended.cancelled_meeting_ids:
        with deps.reader() as uow:
            meeting = meetings.get(uow, rel.team_id, meeting_id, rel.mentee_id)
        announce(deps, slack, meeting, now, headline=shared.CANCELLED, cancelled=True)


def _in_their_conversation(deps: Deps, slack: SlackPort, meeting: MeetingView,
                           people: dict[str, Profile | None], headline: str, note: str,
                           change: Change | None, ics: str, title: str) -> bool:
    """The booking message, kept current: a change the mentor asked for answers him in
    place; any other change is news to him, so it is a new message and the old one says
    where things stand."""
    rel = meeting.relationship
    tz = _tz(people[rel.mentee_id])
    text, blocks = shared.booking(meeting, tz, headline, note)
    where = meeting.booking
    if where is not None and change is not None and change.asked_by_mentor:
        try:
            update_dm(slack, where, text, blocks)
        except SlackApiError as error:
            log.info("meeting %s: booking not updated (%s)", meeting.id,
                     error.response.get("error"))
            where = None
    else:
        if where is not None:
            _retire(slack, where, *shared.retired(meeting, tz))
        where = pair.post(slack, deps, rel, text, blocks)
        if where is None:
            return False
        if not meeting.cancelled:
            with deps.uow() as uow:
                meetings.remember_booking(uow, meeting.id, where)
    if where is not None:
        pair.attach(slack, where, ics, ICS_NAME, title)
    return True


def _in_each_dm(deps: Deps, slack: SlackPort, meeting: MeetingView,
                people: dict[str, Profile | None], headline: str, note: str, cancelled: bool,
                ics: str, title: str) -> None:
    rel = meeting.relationship
    previous = dict(zip((rel.mentee_id, rel.mentor_id), meeting.announced, strict=True))
    for person, profile in people.items():
        tz = _tz(profile)
        if previous[person] is not None:
            _retire(slack, previous[person], *superseded(meeting, person, tz))
        other = rel.mentor_id if person == rel.mentee_id else rel.mentee_id
        sent = send_dm(slack, person, f"{headline} with <@{other}>",
                       meeting_announcement(meeting, person, tz, headline + " with", note,
                                            cancelled))
        if not cancelled:
            # Kept at once: a change a moment later must find this one to retire.
            with deps.uow() as uow:
                meetings.remember_announcement(uow, meeting.id, rel.role_of(person), sent)
        slack.upload(slack.open_conversation(person), ics, ICS_NAME, title)


def _tz(profile: Profile | None) -> str:
    return profile.tz if profile is not None and profile.tz else "UTC"


def _retire(slack: SlackPort, where: MessageRef, text: str, blocks: list[dict]) -> None:
    """The message of the meeting's old time: its buttons go, and it says where things
    stand."""
    try:
        update_dm(slack, where, text, blocks)
    except SlackApiError as error:
        # The message may be gone (deleted by its reader): the new one says it all anyway.
        log.info("old announcement not updated (%s)", error.response.get("error"))

"""One whole meeting, as the two people live it, on a virtual clock that crosses a DST change.

Schedule → calendar file → agenda nudge → agenda → logistics check and briefing →
starting-soon reminder → log it and thank the mentor. Each `run_due` moves the server's
and the dispatcher's clock to one instant; the test checks who received what at that
instant, in which words and in whose local time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Meeting
from slack_emulator.server import Message
from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import log_and_thank, make_active


@dataclass(frozen=True)
class Pair:
    mentee: str
    mentor: str
    mentee_tz: str
    mentor_tz: str
    scheduled_on: datetime  # the virtual "now" when the mentee schedules
    local_start: datetime  # in the mentee's zone, as typed into the modal
    mentee_sees: str
    mentor_sees: str
    link: str

    @property
    def starts(self) -> datetime:
        return self.local_start.replace(tzinfo=ZoneInfo(self.mentee_tz)).astimezone(UTC)


PAIRS = {
    # Scheduled in CET (UTC+1), held in CEST (UTC+2); Los Angeles is already on PDT.
    "berlin-los-angeles-across-european-spring-forward": Pair(
        MENTEE, MENTOR, "Europe/Berlin", "America/Los_Angeles",
        scheduled_on=datetime(2027, 3, 19, 10, 0, tzinfo=UTC),
        local_start=datetime(2027, 3, 31, 17, 0),
        mentee_sees="Wed 31 Mar 2027, 17:00 CEST", mentor_sees="Wed 31 Mar 2027, 08:00 PDT",
        link="https://zoom.us/j/98765432101"),
    # Scheduled in AEDT (UTC+11), held in AEST (UTC+10); São Paulo keeps UTC-3 all year.
    "sydney-sao-paulo-across-australian-fall-back": Pair(
        "UFRESH001", "UFRESH002", "Australia/Sydney", "America/Sao_Paulo",
        scheduled_on=datetime(2027, 3, 29, 23, 0, tzinfo=UTC),
        local_start=datetime(2027, 4, 7, 8, 0),
        mentee_sees="Wed 7 Apr 2027, 08:00 AEST", mentor_sees="Tue 6 Apr 2027, 19:00 -03",
        link="https://meet.google.com/abc-defg-hij"),
}


class Inboxes:
    """What each of the two people has been sent since the last look."""

    def __init__(self, slack, *people: str) -> None:
        self.slack, self.people = slack, people
        self.seen = {person: 0 for person in people}

    def new(self) -> dict[str, list[Message]]:
        fresh = {}
        for person in self.people:
            messages = self.slack.emulator.dms(person)
            fresh[person] = messages[self.seen[person]:]
            self.seen[person] = len(messages)
        return fresh


def rendered(at: datetime, tz: str) -> str:
    """How Slack's date token shows `at` to a reader in `tz`."""
    local = at.astimezone(ZoneInfo(tz))
    return f"{local:%b} {local.day}, {local.year} at {local:%-I:%M %p}"


def only(messages: list[Message], containing: str) -> Message:
    assert [containing in m.all_text for m in messages] == [True], [m.text for m in messages]
    return messages[0]


@pytest.mark.parametrize("pair", PAIRS.values(), ids=PAIRS.keys())
def test_a_whole_meeting_from_scheduling_to_thanks(clocked, engine, pair: Pair):
    slack, timeline = clocked
    mentee, mentor = pair.mentee, pair.mentor
    starts, ends = pair.starts, pair.starts + timedelta(minutes=45)
    timeline.move_to(pair.scheduled_on)
    make_active(slack, mentee, mentor)
    inboxes = Inboxes(slack, mentee, mentor)
    inboxes.new()

    # The mentee schedules it in their own time, a DST change away.
    slack.slash(mentee, "schedule")
    slack.emulator.wait_for_view(mentee, "schedule")
    reply = slack.submit(mentee, {"date": pair.local_start.date().isoformat(),
                                  "time": f"{pair.local_start:%H:%M}", "link": pair.link})
    assert reply.json == {"response_action": "clear"}
    # One message in the pair's conversation; each reader's Slack shows their own time.
    booking = slack.emulator.wait_for_dm(mentor, "Mentoring session")
    assert set(booking.members) == {mentee, mentor} and pair.link in booking.all_text
    for person, tz in ((mentee, pair.mentee_tz), (mentor, pair.mentor_tz)):
        assert rendered(starts, tz) in slack.emulator.seen_by(booking, person)

    # Both calendars get the same event, at the same instant.
    files = slack.emulator.wait_for(lambda: len(slack.emulator.files_to(mentee)) == 1 and len(
        slack.emulator.files_to(mentor)) == 1 and slack.emulator.files_to(mentor))
    event = Calendar.from_ical(files[0]["content"]).walk("VEVENT")[0]
    mentee_event = Calendar.from_ical(
        slack.emulator.files_to(mentee)[0]["content"]).walk("VEVENT")[0]
    assert event.decoded("dtstart") == mentee_event.decoded("dtstart") == starts
    assert event.decoded("duration") == timedelta(minutes=45)
    assert str(event["location"]) == str(event["url"]) == pair.link
    assert int(event["sequence"]) == 0 and str(event["uid"]) == str(mentee_event["uid"])
    # Without email invitations, no email is kept: Slack's own names for the two.
    team = slack.emulator.team_id
    assert str(event["organizer"]) == f"urn:slack:{team}:{mentee}"
    assert str(event["attendee"]) == f"urn:slack:{team}:{mentor}"
    inboxes.new()

    # Two days ahead (the agreed lead time), and not a minute before: send your topics.
    agenda_due = starts - timedelta(days=2)
    assert timeline.run_due(agenda_due - timedelta(minutes=1)) == {}
    assert timeline.run_due(agenda_due) == {"sent": 1}
    sent = inboxes.new()
    nudge = only(sent[mentee], "Time to send your topics")
    assert pair.mentee_sees in nudge.all_text and sent[mentor] == []

    slack.click(mentee, nudge, "send_agenda")
    slack.emulator.wait_for_view(mentee, "agenda")
    slack.submit(mentee, {"topics": "Preparing my first skip-level meeting",
                          "questions": "How do you open a hard conversation?"})
    agenda = slack.emulator.wait_for_dm(mentor, "Agenda from")
    assert agenda is booking and "skip-level" in agenda.all_text  # joined it, in place
    slack.emulator.wait_for_notice(mentee, "Agenda sent")
    assert inboxes.new() == {mentee: [], mentor: []}

    # A day ahead: the mentee's checklist in both zones, the mentor's one briefing.
    assert timeline.run_due(starts - timedelta(hours=24)) == {"sent": 2}
    sent = inboxes.new()
    checklist = only(sent[mentee], "A quick logistics check")
    assert pair.mentee_sees in checklist.all_text and pair.mentor_sees in checklist.all_text
    assert "agenda sent" in checklist.all_text
    briefing = only(sent[mentor], "Tomorrow: mentoring with")
    assert pair.mentor_sees in briefing.all_text and pair.link in briefing.all_text
    assert "skip-level" in briefing.all_text
    slack.click(mentee, checklist, "logistics_confirm")
    slack.emulator.wait_for(lambda: "Logistics confirmed" in checklist.all_text)

    # Fifteen minutes before: the mentee gets the link; the mentor's briefing had it.
    assert timeline.run_due(starts - timedelta(minutes=16)) == {}
    assert timeline.run_due(starts - timedelta(minutes=15)) == {"sent": 1}
    sent = inboxes.new()
    soon = only(sent[mentee], "Starting soon")
    assert pair.link in soon.all_text and pair.mentee_sees in soon.all_text
    assert sent[mentor] == []

    # An hour after it ends: log it, keep takeaways, thank the mentor.
    assert timeline.run_due(ends + timedelta(minutes=59)) == {}
    assert timeline.run_due(ends + timedelta(hours=1)) == {"sent": 1}
    sent = inboxes.new()
    ask = only(sent[mentee], "How did your session")
    assert sent[mentor] == []  # the mentor is never asked to log anything
    thanks = log_and_thank(slack, mentee, mentor, ask)
    assert "open with the decision" in thanks.all_text
    assert "not for permission" not in " ".join(m.all_text for m in inboxes.new()[mentor])

    # Thanked in time: no reminder the next day.
    assert timeline.run_due(ends + timedelta(hours=26)) == {}
    with Session(engine) as session:
        meeting = session.scalars(select(Meeting)).one()
        assert meeting.status == "held" and meeting.logistics_confirmed_at is not None
        assert meeting.agenda_sent_at is not None and meeting.thanks_sent_at is not None

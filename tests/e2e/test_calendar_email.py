"""Calendar invitations by email (RFC 6047) to a real SMTP server on loopback: a booking
is a REQUEST, a move the same UID with SEQUENCE + 1, a cancellation a CANCEL; a server
that refuses delays the email and never the Slack message."""

from __future__ import annotations

import email
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Meeting, Nudge
from slack_emulator import SlackDriver
from slack_emulator.app_process import SIGNING_SECRET, start_clocked_mentorbot
from tests.conftest import MENTEE, MENTOR, VIRTUAL_EPOCH, free_port
from tests.e2e.flows import make_active

FROM = "mentorbot@example.com"


class Inbox:
    """What the SMTP server was given; `refuse` names addresses it turns away."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], email.message.Message]] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append((list(envelope.rcpt_tos),
                              email.message_from_bytes(envelope.content)))
        return "250 Message accepted"

    def calendars(self, to: str) -> list[Calendar]:
        found = []
        for recipients, message in self.received:
            if to in recipients:
                for part in message.walk():
                    if part.get_content_type() == "text/calendar":
                        assert part.get_param("method") in ("REQUEST", "CANCEL")
                        found.append(Calendar.from_ical(part.get_payload(decode=True)))
        return found


@pytest.fixture
def mailed(emulator, database_url, engine, clean_db, tmp_path):
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    smtp = {"SMTP_URL": f"smtp://127.0.0.1:{port}", "CALENDAR_FROM": FROM}
    server, timeline = start_clocked_mentorbot(emulator.api_url, emulator.token, database_url,
                                               tmp_path, VIRTUAL_EPOCH, **smtp)
    emulator.reset()
    try:
        yield SlackDriver(server.url, SIGNING_SECRET, emulator), timeline, inbox
    finally:
        server.stop()
        controller.stop()


def schedule(slack, timeline, days: int = 5, time: str = "18:00") -> None:
    slack.slash(MENTEE, "schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    day = (timeline.now + timedelta(days=days)).date().isoformat()
    slack.submit(MENTEE, {"date": day, "time": time, "link": "https://zoom.us/j/1234567890"})


def event(calendar: Calendar):
    return calendar.walk("VEVENT")[0]


def test_a_booking_a_move_and_a_cancellation_arrive_as_invitations(mailed, engine):
    slack, timeline, inbox = mailed
    make_active(slack, MENTEE, MENTOR)
    schedule(slack, timeline)
    booking = slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    assert inbox.received == []  # Slack first; the email goes with the next dispatch
    assert timeline.run_due() == {"sent": 2}
    ana, ben = (slack.emulator.users[p]["profile"]["email"] for p in (MENTEE, MENTOR))
    [first] = inbox.calendars(ben)
    assert len(inbox.calendars(ana)) == 1
    assert str(first["method"]) == "REQUEST" and int(event(first)["sequence"]) == 0
    assert str(event(first)["organizer"]) == f"mailto:{ana}"  # replies reach the mentee
    [(_, message)] = [m for m in inbox.received if ben in m[0]]
    assert message["From"] == FROM and message["Subject"].startswith("Invitation:")

    slack.click(MENTEE, booking, "meeting_reschedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    later = (timeline.now + timedelta(days=6)).date().isoformat()
    slack.submit(MENTEE, {"date": later, "time": "18:00"})
    slack.emulator.wait_for_dm(MENTOR, "Moved: mentoring session")
    assert timeline.run_due() == {"sent": 2}
    moved = inbox.calendars(ben)[-1]
    assert str(event(moved)["uid"]) == str(event(first)["uid"])
    assert int(event(moved)["sequence"]) == 1 and str(moved["method"]) == "REQUEST"

    current = slack.emulator.wait_for_dm(MENTOR, "Moved: mentoring session")
    slack.click(MENTEE, current, "meeting_cancel")
    slack.emulator.wait_for_dm(MENTOR, "Cancelled: mentoring session")
    assert timeline.run_due() == {"sent": 2}
    cancelled = inbox.calendars(ben)[-1]
    assert str(cancelled["method"]) == "CANCEL" and int(event(cancelled)["sequence"]) == 2
    assert str(event(cancelled)["uid"]) == str(event(first)["uid"])


def test_a_refused_recipient_fails_that_email_with_a_reason_and_tries_again(mailed, engine):
    slack, timeline, inbox = mailed
    make_active(slack, MENTEE, MENTOR)
    inbox.refuse.add(slack.emulator.users[MENTOR]["profile"]["email"])
    schedule(slack, timeline)
    # The Slack booking is there regardless of the mail server.
    slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    assert timeline.run_due() == {"sent": 1, "retry": 1}
    with Session(engine) as session:
        refused = session.scalars(select(Nudge).where(Nudge.kind == "calendar_mentor")).one()
        assert refused.status == "pending" and "recipient refused: 550" in refused.last_error
        assert refused.available_at > timeline.now  # backs off
    inbox.refuse.clear()
    assert timeline.run_due(timeline.now + timedelta(minutes=5)) == {"sent": 1}


def test_without_smtp_nothing_is_planned_for_email(clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    schedule(slack, timeline)
    slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    with Session(engine) as session:
        kinds = set(session.scalars(select(Nudge.kind)))
        assert not {k for k in kinds if k.startswith("calendar")}
        assert session.scalars(select(Meeting)).one()


def test_the_agenda_goes_into_the_calendar_event_with_no_slack_message_of_its_own(mailed):
    slack, timeline, inbox = mailed
    make_active(slack, MENTEE, MENTOR)
    schedule(slack, timeline)
    booking = slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    assert timeline.run_due() == {"sent": 2}
    ben = slack.emulator.users[MENTOR]["profile"]["email"]
    [first] = inbox.calendars(ben)
    assert "agenda arrives in Slack" in str(event(first)["description"])
    posted = len(slack.emulator.calls_to("chat.postMessage"))

    slack.click(MENTEE, booking, "send_agenda")
    slack.emulator.wait_for_view(MENTEE, "agenda")
    slack.submit(MENTEE, {"topics": "Preparing my first skip-level meeting",
                          "questions": "How do you open a hard conversation?"})
    slack.emulator.wait_for_notice(MENTEE, "Agenda sent")
    assert timeline.run_due() == {"sent": 2}
    updated = inbox.calendars(ben)[-1]
    assert str(event(updated)["uid"]) == str(event(first)["uid"])
    assert int(event(updated)["sequence"]) == 1 and str(updated["method"]) == "REQUEST"
    description = str(event(updated)["description"])
    assert "skip-level" in description and "hard conversation" in description
    [(_, message)] = [m for m in inbox.received if ben in m[0]][-1:]
    assert message["Subject"].startswith("Agenda:")
    # The booking message took the agenda in place: Slack got no new message for it.
    assert len(slack.emulator.calls_to("chat.postMessage")) == posted

    # A move after it is the next version again, and keeps the agenda.
    current = slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    slack.click(MENTEE, current, "meeting_reschedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    later = (timeline.now + timedelta(days=6)).date().isoformat()
    slack.submit(MENTEE, {"date": later, "time": "18:00"})
    slack.emulator.wait_for_dm(MENTOR, "Moved: mentoring session")
    assert timeline.run_due() == {"sent": 2}
    moved = inbox.calendars(ben)[-1]
    assert int(event(moved)["sequence"]) == 2 and "skip-level" in str(event(moved)["description"])


def test_forgetting_sends_the_other_person_the_cancellation_by_email_too(mailed, engine):
    slack, timeline, inbox = mailed
    make_active(slack, MENTEE, MENTOR)
    schedule(slack, timeline)
    slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    assert timeline.run_due() == {"sent": 2}
    ben = slack.emulator.users[MENTOR]["profile"]["email"]
    [booked] = inbox.calendars(ben)

    slack.slash(MENTEE, "forget")
    prompt = slack.emulator.wait_for_response(MENTEE, "Forget me")
    slack.click_ephemeral(MENTEE, prompt, "forget_confirm")
    slack.emulator.wait_for_dm(MENTOR, "has left mentorbot")
    # His email goes; hers is never attempted, for she is no one now.
    assert timeline.run_due() == {"sent": 1, "obsolete": 1}
    cancelled = inbox.calendars(ben)[-1]
    assert str(cancelled["method"]) == "CANCEL"
    assert str(event(cancelled)["uid"]) == str(event(booked)["uid"])
    assert int(event(cancelled)["sequence"]) == 1
    assert "left mentorbot" in str(event(cancelled)["organizer"].params["cn"])

"""Scheduling a meeting (issue 5, first slice): the modal, its checks, DMs and .ics."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Meeting
from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import log_and_thank
from tests.e2e.test_agreement import send_agreement

BERLIN = ZoneInfo("Europe/Berlin")


def active(slack):
    _, terms = send_agreement(slack)
    slack.click(MENTOR, terms, "agreement_confirm")
    slack.emulator.wait_for_dm(MENTEE, "Your mentoring has begun")


def open_schedule(slack):
    assert slack.slash(MENTEE, "schedule").status == 200
    return slack.emulator.wait_for_view(MENTEE, "schedule")


def test_scheduling_sends_both_the_details_in_their_own_time_and_a_calendar_file(slack,
                                                                                engine):
    active(slack)
    open_schedule(slack)
    day = (datetime.now(BERLIN) + timedelta(days=10)).date()
    reply = slack.submit(MENTEE, {"date": day.isoformat(), "time": "18:00",
                                  "link": "https://zoom.us/j/1234567890"})
    assert reply.json == {"response_action": "clear"}
    starts = datetime.combine(day, datetime.min.time().replace(hour=18), tzinfo=BERLIN)

    # One message, for both, in the pair's conversation: each reader's Slack shows the
    # time in their own zone, and a client that can't says the mentee's, naming the zone.
    booking = slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    assert set(booking.members) == {MENTEE, MENTOR} and booking.thread_ts is None
    assert f"{starts:%-I:%M %p}" in slack.emulator.seen_by(booking, MENTEE)
    la = starts.astimezone(ZoneInfo("America/Los_Angeles"))
    assert f"{la:%b} {la.day}, {la.year} at {la:%-I:%M %p}" in slack.emulator.seen_by(
        booking, MENTOR)
    assert f"{starts:%H:%M %Z}" in booking.all_text  # the fallback
    assert "https://zoom.us/j/1234567890" in booking.all_text
    assert f"<@{MENTOR}>" in booking.text and f"<@{MENTEE}>" in booking.text

    # The calendar file is in the booking's thread: there for both, and no new message.
    files = slack.emulator.wait_for(
        lambda: len(slack.emulator.files_to(MENTOR)) == 1
        and len(slack.emulator.files_to(MENTEE)) == 1 and slack.emulator.files_to(MENTOR))
    assert files[0]["thread_ts"] == booking.ts
    event = Calendar.from_ical(files[0]["content"]).walk("VEVENT")[0]
    assert event.decoded("dtstart") == starts.astimezone(UTC)
    assert event.decoded("duration") == timedelta(minutes=45)
    assert str(event["location"]) == str(event["url"]) == "https://zoom.us/j/1234567890"
    assert int(event["sequence"]) == 0
    # No email invitations here, so no email is kept: Slack's own names for the two.
    assert str(event["organizer"]) == f"urn:slack:{slack.emulator.team_id}:{MENTEE}"
    # The organiser is not an attendee.
    assert str(event["attendee"]) == f"urn:slack:{slack.emulator.team_id}:{MENTOR}"
    with Session(engine) as session:
        [meeting] = session.scalars(select(Meeting))
        assert str(event["uid"]) == meeting.uid and meeting.status == "scheduled"


def test_a_link_of_the_wrong_shape_and_a_past_date_are_refused_inline(slack, engine):
    active(slack)
    open_schedule(slack)
    past = (datetime.now(BERLIN) - timedelta(days=1)).date().isoformat()
    reply = slack.submit(MENTEE, {"date": past, "link": "https://meet.google.com/landing"})
    errors = reply.json["errors"]
    assert "future" in errors["date"] and "Google Meet" in errors["link"]
    with Session(engine) as session:
        assert session.scalars(select(Meeting)).all() == []


def their_time_line(slack) -> str:
    view = slack.emulator.top_view(MENTEE)
    [line] = [b for b in view["blocks"] if b.get("block_id") == "their_time"]
    return line["elements"][0]["text"]


def test_the_schedule_form_shows_the_mentors_time_as_she_picks_and_warns_at_night(slack):
    active(slack)
    open_schedule(slack)
    assert f"for <@{MENTOR}>, in Los Angeles" in their_time_line(slack)
    day = (datetime.now(BERLIN) + timedelta(days=10)).date()
    la = ZoneInfo("America/Los_Angeles")

    def for_him(clock: str) -> str:
        start = datetime.combine(day, datetime.strptime(clock, "%H:%M").time(), tzinfo=BERLIN)
        return f"{start.astimezone(la):%a %H:%M}"

    slack.pick(MENTEE, "date", day.isoformat())
    slack.pick(MENTEE, "time", "18:00")
    slack.emulator.wait_for(lambda: f"*{for_him('18:00')}*" in their_time_line(slack))
    assert ":warning:" not in their_time_line(slack)
    slack.pick(MENTEE, "time", "10:00")  # 01:00 in Los Angeles
    slack.emulator.wait_for(lambda: "middle of their night" in their_time_line(slack))
    assert f"*{for_him('10:00')}*" in their_time_line(slack)
    slack.pick(MENTEE, "time", "16:30")  # 07:30 for him: awake, but in his quiet hours
    slack.emulator.wait_for(lambda: "hours they keep quiet" in their_time_line(slack))
    # A warning, never a refusal: what she picked is what is booked.
    slack.pick(MENTEE, "time", "18:00")
    slack.emulator.wait_for(lambda: ":warning:" not in their_time_line(slack))
    assert slack.submit(MENTEE, {"link": "https://zoom.us/j/1234567890"}).json == {
        "response_action": "clear"}
    booking = slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    starts = datetime.combine(day, datetime.min.time().replace(hour=18), tzinfo=BERLIN)
    assert f"{starts.astimezone(la):%-I:%M %p}" in slack.emulator.seen_by(booking, MENTOR)


def test_a_phone_call_with_no_number_is_refused_inline(slack, engine):
    active(slack)
    open_schedule(slack)
    day = (datetime.now(BERLIN) + timedelta(days=10)).date().isoformat()
    reply = slack.submit(MENTEE, {"date": day, "format": "phone", "place": "I'll call you"})
    assert "number to call" in reply.json["errors"]["place"]
    with Session(engine) as session:
        assert session.scalars(select(Meeting)).all() == []
    assert slack.submit(MENTEE, {"date": day, "format": "phone",
                                 "place": "I'll call you on +1 415 555 0134"}).json == {
        "response_action": "clear"}


def test_only_the_mentee_of_an_active_relationship_schedules(slack):
    active(slack)
    slack.slash(MENTOR, "schedule")
    slack.emulator.wait_for_response(MENTOR, "mentee schedules")
    assert slack.emulator.top_view(MENTOR) is None


def schedule_in_ten_days(slack):
    active(slack)
    open_schedule(slack)
    day = (datetime.now(BERLIN) + timedelta(days=10)).date()
    slack.submit(MENTEE, {"date": day.isoformat(), "time": "18:00",
                          "link": "https://meet.google.com/abc-defg-hij"})
    slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    return datetime.combine(day, datetime.min.time().replace(hour=18), tzinfo=BERLIN)


def test_the_agenda_nudge_comes_at_the_agreed_lead_time_and_the_agenda_reaches_the_mentor(
        slack, engine, database_url, tmp_path):
    from tests.e2e.test_nudges import outbox, run_due

    starts = schedule_in_ten_days(slack)
    assert run_due(slack, database_url, tmp_path, starts - timedelta(days=2, minutes=1)) == {}
    assert run_due(slack, database_url, tmp_path, starts - timedelta(days=2)) == {"sent": 1}
    nudge = slack.emulator.wait_for_dm(MENTEE, "Time to send your topics")

    slack.click(MENTEE, nudge, "send_agenda")
    slack.emulator.wait_for_view(MENTEE, "agenda")
    refused = slack.submit(MENTEE, {"topics": "Preparing my first skip-level meeting",
                                    "links": "http://example.com/doc"})
    assert "isn't a working https link" in refused.json["errors"]["links"]
    slack.submit(MENTEE, {"topics": "Preparing my first skip-level meeting",
                          "questions": "How do you open a hard conversation?",
                          "links": "https://example.com/doc"})
    # The agenda joins the meeting's message in place: both see it, no one is pinged.
    agenda = slack.emulator.wait_for_dm(MENTOR, "Agenda from")
    assert "skip-level" in agenda.all_text and "hard conversation" in agenda.all_text
    assert "Mentoring session" in agenda.text and agenda.history
    sent = slack.emulator.wait_for_notice(MENTEE, "Agenda sent")
    assert "in their reminder the day before" in str(sent)  # still to come, and will carry it

    # A day before: the mentee's checklist and the mentor's briefing, with the topics.
    assert run_due(slack, database_url, tmp_path, starts - timedelta(hours=23)) == {"sent": 2}
    briefing = slack.emulator.wait_for_dm(MENTOR, "Tomorrow: mentoring with")
    assert "skip-level" in briefing.all_text and "meet.google.com" in briefing.all_text
    checklist = slack.emulator.wait_for_dm(MENTEE, "A quick logistics check")
    assert "agenda sent" in checklist.all_text
    # What she can check herself: her own calendar, never "accepted on your side".
    assert "It is in your calendar" in checklist.all_text
    assert "accepted" not in checklist.all_text
    slack.click(MENTEE, checklist, "logistics_confirm")
    slack.emulator.wait_for(lambda: "Logistics confirmed" in checklist.all_text)
    meeting_nudges = {k: v for k, v in outbox(engine).items() if k.startswith("agenda")}
    # The day-before last call is said by the checklist, so it is never planned apart.
    assert meeting_nudges == {"agenda_due": "sent"}
    with Session(engine) as session:
        assert session.scalars(select(Meeting.logistics_confirmed_at)).one() is not None


def test_no_agenda_a_day_before_gets_one_message_the_checklist_with_the_last_call(
        slack, engine, database_url, tmp_path):
    from tests.e2e.test_nudges import run_due

    starts = schedule_in_ten_days(slack)
    # The late agenda nudge, the checklist and the mentor's briefing: no separate last call.
    assert run_due(slack, database_url, tmp_path, starts - timedelta(hours=23)) == {"sent": 3}
    day_before = [m for m in slack.emulator.dms(MENTEE) if "Tomorrow" in m.text]
    assert len(day_before) == 1
    # His briefing says where the topics will be, rather than leaving him to wonder.
    briefing = slack.emulator.wait_for_dm(MENTOR, "Tomorrow: mentoring with")
    assert "No topics from" in briefing.all_text and "meeting's message" in briefing.all_text
    [checklist] = day_before
    assert "no topics yet" in checklist.text and "A quick logistics check" not in checklist.text
    assert "no agenda yet" in checklist.all_text
    assert {"send_agenda", "logistics_confirm", "meeting_reschedule"} <= set(
        e["action_id"] for b in checklist.blocks for e in b.get("elements", []))
    # Moving it is the meeting's own Reschedule, not a command that books a second one.
    assert "/mentor schedule" not in checklist.all_text
    slack.click(MENTEE, checklist, "meeting_reschedule")
    assert slack.emulator.wait_for_view(MENTEE, "schedule")["private_metadata"].count(":") == 1

    # Sent now, the topics are on the booking: his day-before reminder has already gone.
    slack.click(MENTEE, checklist, "send_agenda")
    slack.emulator.wait_for_view(MENTEE, "agenda")
    slack.submit(MENTEE, {"topics": "Preparing my first skip-level meeting"})
    sent = str(slack.emulator.wait_for_notice(MENTEE, "Agenda sent"))
    assert "has your topics" in sent and "reminder" not in sent


def test_the_starting_soon_reminder_ignores_quiet_hours_for_a_late_meeting(
        slack, database_url, tmp_path):
    from tests.e2e.test_nudges import run_due

    active(slack)
    open_schedule(slack)
    day = (datetime.now(BERLIN) + timedelta(days=10)).date()
    slack.submit(MENTEE, {"date": day.isoformat(), "time": "21:30",
                          "link": "https://zoom.us/j/1234567890"})
    slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    starts = datetime.combine(day, datetime.min.time().replace(hour=21, minute=30),
                              tzinfo=BERLIN)
    run_due(slack, database_url, tmp_path, starts - timedelta(minutes=14))
    soon = slack.emulator.wait_for_dm(MENTEE, "Starting soon")
    assert "https://zoom.us/j/1234567890" in soon.all_text
    # The mentor's day-before reminder had the link: his own "starting soon" is off unless
    # he asks for it (MENTOR_STARTING_SOON).
    assert not [m for m in slack.emulator.dms(MENTOR) if "Starting soon" in m.text]


def ics_of(slack, user, index=-1):
    files = slack.emulator.files_to(user)
    return Calendar.from_ical(files[index]["content"]).walk("VEVENT")[0], Calendar.from_ical(
        files[index]["content"])


def test_a_moved_meeting_gets_an_updated_invitation_and_no_reminder_for_its_old_time(
        slack, engine, database_url, tmp_path):
    from tests.e2e.test_nudges import run_due

    starts = schedule_in_ten_days(slack)
    announcement = slack.emulator.wait_for_dm(MENTEE, "Mentoring session")
    mentor_announcement = slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    slack.emulator.wait_for(lambda: len(slack.emulator.files_to(MENTOR)) == 1)
    stale_copy = copy.deepcopy(announcement)
    slack.click(MENTEE, announcement, "meeting_reschedule")
    view = slack.emulator.wait_for_view(MENTEE, "schedule")
    assert view["title"]["text"] == "Reschedule"
    later = starts + timedelta(days=3)
    slack.submit(MENTEE, {"date": later.date().isoformat(), "time": "18:00"})
    moved = slack.emulator.wait_for_dm(MENTOR, "Moved: mentoring session")
    assert "late" not in moved.all_text  # a week's notice is plenty
    slack.emulator.wait_for(lambda: len(slack.emulator.files_to(MENTOR)) == 2)
    first, _ = ics_of(slack, MENTOR, 0)
    second, _ = ics_of(slack, MENTOR, 1)
    assert str(first["uid"]) == str(second["uid"])
    assert (int(first["sequence"]), int(second["sequence"])) == (0, 1)
    assert second.decoded("dtstart") == later.astimezone(UTC)
    # The old reminder time passes in silence: nothing is due for a meeting days away.
    assert run_due(slack, database_url, tmp_path, starts - timedelta(minutes=10)) == {}
    assert not [m for m in slack.emulator.dms(MENTEE) if "Starting soon" in m.text]

    # The old announcements no longer offer buttons or their time as current...
    for reader, old in ((MENTEE, announcement), (MENTOR, mentor_announcement)):
        slack.emulator.wait_for(lambda old=old: "moved to" in old.all_text)
        assert "actions" not in str(old.blocks), reader
    # ...and a button kept from before the move (here, a stale copy) is refused.
    slack.click(MENTEE, stale_copy, "send_agenda")
    slack.emulator.wait_for_response(MENTEE, "That meeting was moved to")
    assert slack.emulator.top_view(MENTEE) is None or \
        slack.emulator.top_view(MENTEE)["callback_id"] != "agenda"


def test_a_cancelled_meeting_sends_a_cancelling_invitation_and_never_reminds(
        slack, engine, database_url, tmp_path):
    from tests.e2e.test_nudges import outbox, run_due

    starts = schedule_in_ten_days(slack)
    announcement = slack.emulator.wait_for_dm(MENTEE, "Mentoring session")
    slack.emulator.wait_for(lambda: len(slack.emulator.files_to(MENTOR)) == 1)
    stale_copy = copy.deepcopy(announcement)
    cancel = next(e for b in announcement.blocks for e in b.get("elements", [])
                  if e.get("action_id") == "meeting_cancel")
    assert cancel["confirm"]["confirm"]["text"] == "Cancel meeting"  # asked before it goes
    slack.click(MENTEE, announcement, "meeting_cancel")
    slack.emulator.wait_for_dm(MENTOR, "Cancelled: mentoring session")
    slack.emulator.wait_for(lambda: "cancelled" in announcement.all_text
                            and "actions" not in str(announcement.blocks))
    # The agenda button of a cancelled meeting opens nothing and sends nothing.
    slack.click(MENTEE, stale_copy, "send_agenda")
    slack.emulator.wait_for_response(MENTEE, "That meeting was cancelled")
    assert slack.emulator.calls_to("views.open") == [] or all(
        c.params["view"]["callback_id"] != "agenda" for c in slack.emulator.calls_to("views.open"))
    slack.emulator.wait_for(lambda: len(slack.emulator.files_to(MENTOR)) == 2)
    event, calendar = ics_of(slack, MENTOR, 1)
    assert str(calendar["method"]) == "CANCEL" and int(event["sequence"]) == 1
    assert run_due(slack, database_url, tmp_path, starts - timedelta(minutes=10)) == {}
    meeting_kinds = ("agenda", "logistics", "mentor_briefing", "starting_soon")
    assert {v for k, v in outbox(engine).items() if k.startswith(meeting_kinds)} == {
        "obsolete"}


def test_a_late_change_asked_by_the_mentor_is_counted_against_the_mentor(slack, engine):
    active(slack)
    open_schedule(slack)
    soon = datetime.now(BERLIN) + timedelta(hours=3)
    slack.submit(MENTEE, {"date": soon.date().isoformat(), "time": f"{soon:%H}:00",
                          "link": "https://zoom.us/j/1234567890"})
    mentor_dm = slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    slack.click(MENTOR, mentor_dm, "meeting_ask_change")
    slack.emulator.wait_for_view(MENTOR, "ask_change")
    slack.submit(MENTOR, {})  # no note, no times: just the ask
    ask = slack.emulator.wait_for_dm(MENTEE, "asks to move your session")
    slack.click(MENTEE, ask, "meeting_cancel")
    # He asked, so the booking answers him in place; the short notice is said once, for
    # both, without a tally.
    told = slack.emulator.wait_for_dm(MENTEE, "Cancelled: mentoring session")
    assert told is mentor_dm and "less than the 24 hours' notice" in told.all_text
    assert "so far" not in told.all_text
    with Session(engine) as session:
        from bot.db.models import Relationship

        rel = session.scalars(select(Relationship)).one()
        assert (rel.late_changes_mentor, rel.late_changes_mentee) == (1, 0)
    slack.click(MENTOR, ask, "meeting_reschedule")  # the mentee's button, clicked by the mentor
    slack.emulator.wait_for_response(MENTOR, "the mentee moves it")


def scheduled_meeting(slack, timeline) -> datetime:
    """An active pair and a meeting the mentee scheduled for three days ahead, 18:00 Berlin."""
    active(slack)
    open_schedule(slack)
    day = (timeline.now.astimezone(BERLIN) + timedelta(days=3)).date()
    slack.submit(MENTEE, {"date": day.isoformat(), "time": "18:00",
                          "link": "https://zoom.us/j/1234567890"})
    slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    return datetime.combine(day, datetime.min.time().replace(hour=18), tzinfo=BERLIN)


def test_after_the_meeting_the_mentee_logs_it_keeps_takeaways_and_thanks_the_mentor(
        clocked, engine):
    slack, timeline = clocked
    starts = scheduled_meeting(slack, timeline)
    asked_at = starts + timedelta(minutes=45, hours=1)
    # Nothing ran before: the pre-meeting nudges have come due too late and are dropped.
    assert timeline.run_due(asked_at) == {"sent": 1, "obsolete": 4}
    ask = slack.emulator.wait_for_dm(MENTEE, "How did your session")
    thanks = log_and_thank(slack, MENTEE, MENTOR, ask)
    assert "open with the decision" in thanks.all_text
    everything_the_mentor_saw = " ".join(m.all_text for m in slack.emulator.dms(MENTOR))
    assert "not for permission" not in everything_the_mentor_saw  # takeaways stay private
    with Session(engine) as session:
        meeting = session.scalars(select(Meeting)).one()
        assert (meeting.status, meeting.thanks_sent_at is not None) == ("held", True)
    assert timeline.run_due(asked_at + timedelta(days=2)) == {}


def test_a_meeting_still_ahead_cannot_be_logged_or_thanked(clocked):
    slack, timeline = clocked
    starts = scheduled_meeting(slack, timeline)
    assert timeline.run_due(starts + timedelta(minutes=45, hours=1)) == {"sent": 1,
                                                                           "obsolete": 4}
    ask = slack.emulator.wait_for_dm(MENTEE, "How did your session")
    # The clock goes back (a replayed click, say): the button no longer fits the meeting.
    timeline.move_to(starts - timedelta(hours=1))
    slack.click(MENTEE, ask, "open_after_meeting")
    slack.emulator.wait_for_view(MENTEE, "after_meeting")
    refused = slack.submit(MENTEE, {"thanks": "Thank you!"})
    assert "once it has taken place" in refused.json["errors"]["thanks"]
    assert [m for m in slack.emulator.dms(MENTOR) if "thank-you" in m.text] == []


def test_leaving_out_whether_it_took_place_is_an_inline_error_that_keeps_the_takeaways(
        clocked, engine):
    slack, timeline = clocked
    starts = scheduled_meeting(slack, timeline)
    timeline.run_due(starts + timedelta(minutes=45, hours=1))
    ask = slack.emulator.wait_for_dm(MENTEE, "How did your session")
    slack.click(MENTEE, ask, "open_after_meeting")
    slack.emulator.wait_for_view(MENTEE, "after_meeting")
    payload = slack.submit_payload(MENTEE, {"takeaways": "Decide, then ask."})
    del payload["view"]["state"]["values"]["held"]  # a client that skips the radio
    reply = slack.send_interactive(payload)
    assert reply.json == {"response_action": "errors", "errors": {"held": "This one is needed."}}
    with Session(engine) as session:
        meeting = session.scalars(select(Meeting)).one()
        assert (meeting.status, meeting.takeaways) == ("scheduled", None)


def test_no_thanks_a_day_later_gets_one_more_nudge(clocked):
    slack, timeline = clocked
    starts = scheduled_meeting(slack, timeline)
    asked_at = starts + timedelta(minutes=45, hours=1)
    timeline.run_due(asked_at)
    assert timeline.run_due(asked_at + timedelta(hours=24)) == {"sent": 1}
    again = slack.emulator.wait_for_dm(MENTEE, "is still to send")
    assert "open_after_meeting" in str(again.blocks)
    assert timeline.run_due(asked_at + timedelta(days=3)) == {}


def test_no_next_meeting_within_the_cadence_and_the_end_of_the_timeline_nudge_the_mentee(
        slack, engine, database_url, tmp_path):
    from bot.db.models import Relationship
    from tests.e2e.test_nudges import run_due

    active(slack)  # biweekly, six months, no meeting yet
    with Session(engine) as session:
        active_at = session.scalars(select(Relationship.active_at)).one()
    quiet_off = {"QUIET_HOURS_START": "00:00", "QUIET_HOURS_END": "00:00"}
    assert run_due(slack, database_url, tmp_path, active_at + timedelta(days=13),
                   **quiet_off) == {}
    assert run_due(slack, database_url, tmp_path, active_at + timedelta(days=14, minutes=1),
                   **quiet_off) == {"sent": 1}
    rhythm = slack.emulator.wait_for_dm(MENTEE, "you keep the rhythm")
    assert "You haven't met" in rhythm.all_text and "2 weeks ago" in rhythm.all_text
    slack.click(MENTEE, rhythm, "schedule_next")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    # Still nothing booked at two cadences, then at three: what next?
    assert run_due(slack, database_url, tmp_path, active_at + timedelta(days=28, minutes=1),
                   **quiet_off) == {"sent": 1}
    assert run_due(slack, database_url, tmp_path, active_at + timedelta(days=42, minutes=1),
                   **quiet_off) == {"sent": 1}
    decide = slack.emulator.wait_for_dm(MENTEE, "What next?")
    assert "your mentoring began 6 weeks ago" in decide.all_text

"""App Home: each person sees where each relationship stands, what they owe, and how it is
going; it is republished after every change, and a to-do's button does the to-do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.conftest import MENTEE, MENTOR, OTHER
from tests.e2e.flows import home_text, make_active, wait_for_home
from tests.seed import seed_invitations

BERLIN, LOS_ANGELES = ZoneInfo("Europe/Berlin"), ZoneInfo("America/Los_Angeles")


def shown(instant: datetime, zone: ZoneInfo) -> str:
    local = instant.astimezone(zone)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M %Z}"


def test_mentee_and_mentor_each_see_their_side_and_the_mentee_works_through_the_to_dos(
        clocked):
    slack, timeline = clocked
    timeline.move_to(datetime(2027, 2, 1, 9, 0, tzinfo=UTC))
    make_active(slack, MENTEE, MENTOR)
    # Active, nothing booked: the mentee's one to-do is to schedule.
    wait_for_home(slack, MENTEE, "Schedule your next meeting", "Nothing booked · not met yet")

    slack.click_home(MENTEE, "open_schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    slack.submit(MENTEE, {"date": "2027-02-10", "time": "18:00",
                          "link": "https://zoom.us/j/1234567890"})
    starts = datetime(2027, 2, 10, 18, 0, tzinfo=BERLIN)
    mentee_home = wait_for_home(slack, MENTEE, "Send your topics", "Confirm the logistics",
                                absent="Schedule your next meeting")
    assert f"Next meeting: *{shown(starts, BERLIN)}*" in mentee_home
    # One booked and none held: the figures say so, not "no meetings".
    assert "Meetings held: none yet." in mentee_home and "No meetings yet" not in mentee_home
    assert f"due {shown(starts - timedelta(days=2), BERLIN)}" in mentee_home
    mentor_home = wait_for_home(slack, MENTOR, f"Next meeting: *{shown(starts, LOS_ANGELES)}*")
    assert "Your to-dos" not in mentor_home and "As mentor" in mentor_home
    assert f"<@{MENTEE}>" in mentor_home

    # Each to-do's button does it, and the Home drops it once done.
    slack.click_home(MENTEE, "send_agenda")
    slack.emulator.wait_for_view(MENTEE, "agenda")
    slack.submit(MENTEE, {"topics": "Preparing my first skip-level meeting"})
    slack.emulator.wait_for_dm(MENTOR, "Agenda from")
    wait_for_home(slack, MENTEE, "Confirm the logistics", absent="Send your topics")
    slack.click_home(MENTEE, "logistics_confirm")
    wait_for_home(slack, MENTEE, "As mentee", absent="Confirm the logistics")

    # After the meeting, opening the Home shows what is owed now.
    timeline.move_to(starts + timedelta(hours=2))
    slack.open_home(MENTEE)
    wait_for_home(slack, MENTEE, "Log the session", "was due")
    slack.click_home(MENTEE, "open_after_meeting")
    slack.emulator.wait_for_view(MENTEE, "after_meeting")
    slack.submit(MENTEE, {"takeaways": "Decide first, then ask.",
                          "thanks": "Thank you, that changed my week."})
    slack.emulator.wait_for_dm(MENTOR, "A thank-you from")
    # Nine days into a fortnightly rhythm, no meeting is expected yet: only what was held.
    # Her duty figures are feedback to her alone; he sees where things stand; no tallies.
    health = "Meetings held: 1 · agendas on time: 1 of 1 · thanks sent: 1 of 1"
    mentee_home = wait_for_home(slack, MENTEE, health, "Schedule your next meeting")
    assert "Decide first" not in mentee_home  # takeaways are not Home material
    mentor_home = wait_for_home(slack, MENTOR, "Meetings held: 1.")
    assert "agendas on time" not in mentor_home and "late" not in mentor_home
    # Nobody else sees any of it.
    slack.open_home(OTHER)
    assert "Meetings held" not in wait_for_home(slack, OTHER, "readiness questions")


def test_a_to_do_clicked_after_it_stopped_applying_is_answered_by_dm(clocked):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    wait_for_home(slack, MENTEE, "Schedule your next meeting")
    slack.click_home(MENTEE, "open_schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    day = (timeline.now + timedelta(days=5)).date().isoformat()
    slack.submit(MENTEE, {"date": day, "time": "18:00", "link": "https://zoom.us/j/1234567890"})
    wait_for_home(slack, MENTEE, "Confirm the logistics")
    home_before = slack.emulator.home[MENTEE]
    slack.click_home(MENTEE, "logistics_confirm")
    wait_for_home(slack, MENTEE, "As mentee", absent="Confirm the logistics")
    # A second click on the stale Home (two devices, say): a clear answer, nothing broken.
    slack.emulator.home[MENTEE] = home_before
    slack.click_home(MENTEE, "logistics_confirm")
    slack.emulator.wait_for_dm(MENTEE, "Done already")


def test_sixty_relationships_fit_one_home(slack, engine):
    seed_invitations(engine, slack.emulator.team_id, 60, datetime.now(UTC) + timedelta(days=3),
                     [MENTEE])
    slack.open_home(MENTEE)
    text = wait_for_home(slack, MENTEE, "As mentee", "more, not shown here")
    assert len(slack.emulator.home[MENTEE]["blocks"]) <= 100
    assert "60 invited" not in text and text.count("*invited*") >= 30


def test_what_waits_on_each_person_is_answered_from_the_home(slack, engine):
    from tests.e2e.flows import invite, relationships

    invitation = invite(slack, MENTEE, MENTOR)
    slack.open_home(MENTOR)
    wait_for_home(slack, MENTOR, "Waiting for your answer", "asks you to be their mentor")
    slack.click_home(MENTOR, "invite_accept")
    prompt = slack.emulator.wait_for_dm(MENTEE, "accepted your invitation")
    slack.emulator.wait_for(lambda: invitation.history)  # the DM's buttons are answered too
    wait_for_home(slack, MENTOR, "*agreed*", absent="Waiting for your answer")

    slack.click(MENTEE, prompt, "open_agreement")
    slack.emulator.wait_for_view(MENTEE, "agreement")
    slack.submit(MENTEE, {})
    terms = slack.emulator.wait_for_dm(MENTOR, "sent the terms for your mentoring")
    wait_for_home(slack, MENTOR, "sent version 1 of your agreement")
    assert "Waiting for your answer" not in home_text(slack, MENTEE)  # it's with the mentor
    slack.emulator.wait_for(lambda: _mentor_dm_stored(engine), what="the DM's place stored")
    slack.click_home(MENTOR, "agreement_confirm")
    slack.emulator.wait_for_dm(MENTEE, "Your mentoring has begun")
    slack.emulator.wait_for(lambda: "Your mentoring has begun" in terms.all_text)
    wait_for_home(slack, MENTOR, "*active*", absent="Waiting for your answer")
    assert relationships(engine)[0].state == "active"


def _mentor_dm_stored(engine) -> bool:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from bot.db.models import AgreementVersion

    with Session(engine) as session:
        return session.scalars(select(AgreementVersion.mentor_ts)).first() is not None


def test_a_mentee_accepts_the_mentors_changes_from_the_home(slack, engine):
    from tests.e2e.flows import invite, relationships

    invitation = invite(slack, MENTEE, MENTOR)
    slack.click(MENTOR, invitation, "invite_suggest")
    slack.emulator.wait_for_view(MENTOR, "invite_counter")
    slack.submit(MENTOR, {"cadence": "monthly", "minutes": "30"})
    counter = slack.emulator.wait_for_dm(MENTEE, "with a change")
    slack.open_home(MENTEE)
    wait_for_home(slack, MENTEE, "would mentor you with a change", "every month")
    slack.open_home(MENTOR)
    wait_for_home(slack, MENTOR, "*invited*", absent="Waiting for your answer")
    slack.click_home(MENTEE, "counter_accept")
    slack.emulator.wait_for_dm(MENTOR, "accepted your suggested changes")
    wait_for_home(slack, MENTEE, "Send the expectations agreement",
                  absent="Waiting for your answer")
    assert relationships(engine)[0].state == "agreed"
    # The DM keeps its buttons; a click there now changes nothing and says so.
    slack.click(MENTEE, counter, "counter_accept")
    slack.emulator.wait_for_response(MENTEE, "Done already")

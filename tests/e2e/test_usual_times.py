"""Booking inside the mentor's usual times (issue 26): he says them once, in his own zone;
she is offered the free slots inside them, in both zones, and books one in one click. No
calendar is read, and his times reach no one but the mentees he accepted."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Meeting, UsualTimes
from tests.conftest import MENTEE, MENTOR, OTHER
from tests.e2e.flows import compose, get_ready, make_active, wait_for_home

LA = ZoneInfo("America/Los_Angeles")
BERLIN = ZoneInfo("Europe/Berlin")
SECOND_MENTEE = "UMENTEE02"
LINK = {"link": "https://zoom.us/j/1234567890"}


def a_second_mentee(slack, mentee: str, mentor: str) -> None:
    """make_active, for a mentor who has answered an invitation already."""
    get_ready(slack, mentee)
    compose(slack, mentee, mentor)
    assert slack.submit(mentee).json == {"response_action": "clear"}
    invitation = slack.emulator.wait_for(lambda: next(
        (m for m in slack.emulator.dms(mentor) if "invite_accept" in str(m.blocks)), None))
    slack.click(mentor, invitation, "invite_accept")
    prompt = slack.emulator.wait_for_dm(mentee, "accepted your invitation")
    slack.click(mentee, prompt, "open_agreement")
    slack.emulator.wait_for_view(mentee, "agreement")
    slack.submit(mentee, {})
    terms = slack.emulator.wait_for(lambda: next(
        (m for m in slack.emulator.dms(mentor) if "agreement_confirm" in str(m.blocks)), None))
    slack.click(mentor, terms, "agreement_confirm")
    slack.emulator.wait_for_dm(mentee, "Your mentoring has begun")
    slack.settle()


def answered_invitation(slack, mentor: str):
    return next(m for m in slack.emulator.dms(mentor) if "open_usual_times" in str(m.blocks))


def set_usual_times(slack, typed: str, mentor: str = MENTOR):
    slack.click(mentor, answered_invitation(slack, mentor), "open_usual_times")
    slack.emulator.wait_for_view(mentor, "usual_times")
    return slack.submit(mentor, {"usual_times_text": typed})


def slot_choice(view: dict) -> dict:
    return next(b["element"] for b in view["blocks"]
                if b.get("element", {}).get("action_id") == "usual_slot")


def open_schedule(slack, mentee: str = MENTEE) -> dict:
    assert slack.slash(mentee, "schedule").status == 200
    return slack.emulator.wait_for_view(mentee, "schedule")


def meetings(engine) -> list[tuple[datetime, str]]:
    from bot.db.models import Relationship

    with Session(engine) as session:
        return [(m.starts_at, mentee) for m, mentee in session.execute(
            select(Meeting, Relationship.mentee_id).join(
                Relationship, Relationship.id == Meeting.relationship_id))]


def test_set_from_his_accepted_invitation_offered_in_both_zones_booked_in_one_click(
        slack, engine):
    make_active(slack, MENTEE, MENTOR)
    # Said as he would say it; a window that ends before it starts is refused inline.
    refused = set_usual_times(slack, "Tue 11:00-9:00")
    assert "before the start" in refused.json["errors"]["usual_times_text"]
    saved = slack.submit(MENTOR, {"usual_times_text": "tuesday and thu 9-11"})
    assert saved.json["response_action"] == "update"
    assert "Tue and Thu 09:00–11:00" in json.dumps(saved.json["view"], ensure_ascii=False)
    told_him = len(slack.emulator.dms(MENTOR))

    choice = slot_choice(open_schedule(slack))
    slots = [o for o in choice["options"] if o["value"] != "another"]
    assert choice["options"][-1]["value"] == "another" and len(slots) == 4
    assert choice["initial_option"] == slots[0]  # chosen: Schedule books it
    earliest = datetime.now(UTC) + timedelta(hours=24)  # the agreed notice
    for option in slots:
        start = datetime.fromtimestamp(int(option["value"]), UTC)
        his, hers = start.astimezone(LA), start.astimezone(BERLIN)
        assert start > earliest and f"{his:%a}" in ("Tue", "Thu") and f"{his:%H:%M}" == "09:00"
        # Both zones, hers first.
        label = option["text"]["text"]
        assert label.index(f"{hers:%H:%M}") < label.index("09:00 in Los Angeles")

    assert slack.submit(MENTEE, LINK).json == {"response_action": "clear"}
    booked = datetime.fromtimestamp(int(slots[0]["value"]), UTC)
    assert meetings(engine) == [(booked, MENTEE)]
    slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    slack.settle()
    # Booking inside his times costs him nothing more than booking any time: the booking.
    assert len(slack.emulator.dms(MENTOR)) == told_him + 1


def test_a_slot_taken_meanwhile_is_refused_with_the_next_free_one(slack, engine):
    make_active(slack, MENTEE, MENTOR)
    a_second_mentee(slack, SECOND_MENTEE, MENTOR)
    set_usual_times(slack, "Tue and Thu 09:00-11:00")
    hers = slot_choice(open_schedule(slack))
    first = hers["options"][0]["value"]
    # Eli books that very slot while Ana's form is open.
    assert slot_choice(open_schedule(slack, SECOND_MENTEE))["options"][0]["value"] == first
    assert slack.submit(SECOND_MENTEE, LINK).json == {"response_action": "clear"}

    reply = slack.submit(MENTEE, LINK)
    assert reply.json["response_action"] == "update"  # nothing booked for her
    taken = datetime.fromtimestamp(int(first), UTC)
    assert meetings(engine) == [(taken, SECOND_MENTEE)]
    again = slot_choice(slack.emulator.top_view(MENTEE))
    assert "booked meanwhile" in json.dumps(slack.emulator.top_view(MENTEE))
    # The next free one is chosen: the same morning, once Eli's 45 minutes are over.
    next_free = datetime.fromtimestamp(int(again["initial_option"]["value"]), UTC)
    assert next_free == taken + timedelta(hours=1)
    assert first not in [o["value"] for o in again["options"]]
    assert slack.submit(MENTEE, LINK).json == {"response_action": "clear"}
    assert sorted(meetings(engine)) == [(taken, SECOND_MENTEE), (next_free, MENTEE)]


def test_a_slot_moves_the_date_and_time_and_a_picked_date_chooses_another_time(slack,
                                                                              engine):
    make_active(slack, MENTEE, MENTOR)
    set_usual_times(slack, "Tue 09:00-11:00")
    second = slot_choice(open_schedule(slack))["options"][1]["value"]
    slack.pick(MENTEE, "usual_slot", second)
    local = datetime.fromtimestamp(int(second), UTC).astimezone(BERLIN)
    slack.emulator.wait_for(lambda: f"'initial_date': '{local:%Y-%m-%d}'"
                            in str(slack.emulator.top_view(MENTEE)), what="the date follows")
    view = json.dumps(slack.emulator.top_view(MENTEE))
    assert f'"initial_time": "{local:%H:%M}"' in view and "*Tue 09:00* for <@" in view

    day = (datetime.now(BERLIN) + timedelta(days=11)).date().isoformat()
    slack.pick(MENTEE, "date", day)
    slack.emulator.wait_for(lambda: f"'initial_date': '{day}'"
                            in str(slack.emulator.top_view(MENTEE)), what="the form after")
    # Her own date chooses Another time, so Schedule books what she picked.
    assert slot_choice(slack.emulator.top_view(MENTEE))["initial_option"]["value"] == "another"
    assert slack.submit(MENTEE, LINK).json == {"response_action": "clear"}
    [(start, _)] = meetings(engine)
    assert f"{start.astimezone(BERLIN):%Y-%m-%d}" == day


def test_windows_kept_out_of_find_refused_inline_in_the_offer_and_in_his_export(slack,
                                                                              engine):
    slack.slash(MENTOR, "offer")
    slack.emulator.wait_for_view(MENTOR, "offer")
    offer = {"offer_topics": "Leading platform teams", "offer_capacity": "2"}
    for typed, says in (("Tue 09:00-10:00; tue 09:30-11:00", "overlap"),
                        ("Tue 09:00-09:00", "is empty"), ("09:00-10:00", "names no day")):
        reply = slack.submit(MENTOR, {**offer, "usual_times_text": typed})
        assert says in reply.json["errors"]["usual_times_text"]
    with Session(engine) as session:  # nothing saved, the offer neither
        assert session.scalars(select(UsualTimes)).all() == []
    slack.submit(MENTOR, {**offer, "usual_times_text": "Wed 16:00-18:00"})
    slack.emulator.wait_for_notice(MENTOR, "Pause or withdraw it from your Home")

    slack.slash(OTHER, "find platform")
    found = slack.emulator.wait_for_response(OTHER, "People open to mentoring")
    assert "<@UMENTOR01>" in json.dumps(found) and "16:00" not in json.dumps(found)

    slack.slash(MENTOR, "offer")  # his form says them again, as he would say them
    view = slack.emulator.wait_for_view(MENTOR, "offer")
    assert "Wed 16:00–18:00" in json.dumps(view, ensure_ascii=False)
    slack.slash(MENTOR, "export")
    slack.emulator.wait_for(lambda: slack.emulator.files_to(MENTOR))
    exported = json.loads(slack.emulator.files_to(MENTOR)[-1]["content"])
    assert exported["usual_times"]["windows"] == "Wed 16:00–18:00"
    assert exported["usual_times"]["tz"] == "America/Los_Angeles"
    slack.slash(MENTOR, "forget")
    prompt = slack.emulator.wait_for_response(MENTOR, "Forget me")
    slack.click_ephemeral(MENTOR, prompt, "forget_confirm")
    slack.emulator.wait_for(lambda: not _usual_times_kept(engine), what="his times erased")


def _usual_times_kept(engine) -> list[UsualTimes]:
    with Session(engine) as session:
        return session.scalars(select(UsualTimes)).all()


def test_a_window_follows_the_mentor_to_his_new_zone(slack):
    make_active(slack, MENTEE, MENTOR)
    set_usual_times(slack, "Tue 09:00-11:00")
    moved = dict(slack.emulator.users[MENTOR], tz="America/New_York")
    assert slack.event({"type": "user_change", "user": moved, "event_ts": "1.0"}).status == 200
    slack.settle()
    choice = slot_choice(open_schedule(slack))
    start = datetime.fromtimestamp(int(choice["options"][0]["value"]), UTC)
    new_york = start.astimezone(ZoneInfo("America/New_York"))
    assert f"{new_york:%a %H:%M}" == "Tue 09:00"
    assert "09:00 in New York" in choice["options"][0]["text"]["text"]


def test_a_mentee_sees_no_usual_times_field_and_a_mentor_sees_his(slack):
    make_active(slack, MENTEE, MENTOR)
    set_usual_times(slack, "Fri 08:00-09:00")
    # His Home says them beside his reminders, which the same form changes.
    wait_for_home(slack, MENTOR, "your usual times: Fri 08:00–09:00")
    for person, shown in ((MENTEE, False), (MENTOR, True)):
        slack.open_home(person)
        slack.emulator.wait_for(lambda p=person: slack.emulator.home.get(p))
        slack.click_home(person, "open_reminders")
        view = slack.emulator.wait_for_view(person, "reminders")
        assert ("Fri 08:00–09:00" in json.dumps(view, ensure_ascii=False)) is shown
    # Emptied from his reminder settings: none any more.
    slack.submit(MENTOR, {"usual_times_text": ""})
    slack.emulator.wait_for_notice(MENTOR, "Reminders already planned")
    assert slot_choice_absent(open_schedule(slack))


def slot_choice_absent(view: dict) -> bool:
    return "usual_slot" not in json.dumps(view)


def test_moving_a_meeting_offers_free_times_inside_his_but_never_its_own(slack, engine):
    make_active(slack, MENTEE, MENTOR)
    set_usual_times(slack, "Tue and Thu 09:00-11:00")
    first = slot_choice(open_schedule(slack))["options"][0]["value"]
    assert slack.submit(MENTEE, LINK).json == {"response_action": "clear"}
    booking = slack.emulator.wait_for_dm(MENTEE, "Mentoring session")
    slack.click(MENTEE, booking, "meeting_reschedule")
    moving = slot_choice(slack.emulator.wait_for_view(MENTEE, "schedule"))
    offered = [o["value"] for o in moving["options"]]
    # Its own time, and any start that would overlap it that morning, are not offered.
    booked = datetime.fromtimestamp(int(first), UTC)
    assert all(abs(datetime.fromtimestamp(int(v), UTC) - booked) >= timedelta(minutes=45)
               for v in offered if v != "another")
    assert slack.submit(MENTEE, LINK).json == {"response_action": "clear"}
    [(start, _)] = meetings(engine)
    assert start == datetime.fromtimestamp(int(offered[0]), UTC) != booked

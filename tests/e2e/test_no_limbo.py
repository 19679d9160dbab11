"""No pair left in limbo: a mentee who goes quiet is asked at a humane pace, then to
decide; silence lets the relationship lapse kindly, each side told once. Played on the
virtual clock through signed HTTP and `run-due --through`, which runs every nudge at its
own due time."""

from __future__ import annotations

import csv
import io
import itertools
import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Meeting, Nudge
from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import (
    WHY_THEM,
    get_ready,
    invite,
    make_active,
    relationships,
    transitions,
    wait_for_home,
)
from tests.e2e.test_conversation import conversation_form

START = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
THREE_MONTHS = {"months": "3", "cadence": "monthly", "minutes": "30"}


def agreed_pair(slack, timeline):
    """Three months, monthly, and his yes: returns her prompt to write the agreement."""
    timeline.move_to(START)
    invitation = invite(slack, MENTEE, MENTOR, **THREE_MONTHS)
    slack.click(MENTOR, invitation, "invite_accept")
    return slack.emulator.wait_for_dm(MENTEE, "accepted your invitation")


def confirm_agreement(slack, prompt) -> None:
    """She sends the standard terms from `prompt`, and he confirms them."""
    slack.click(MENTEE, prompt, "open_agreement")
    slack.emulator.wait_for_view(MENTEE, "agreement")
    slack.submit(MENTEE, {})
    terms = slack.emulator.wait_for_dm(MENTOR, "sent the terms for your mentoring")
    slack.click(MENTOR, terms, "agreement_confirm")
    slack.emulator.wait_for_dm(MENTEE, "confirmed the agreement")


def quiet_pair(slack, timeline):
    """Active, three months, monthly: then she books nothing."""
    confirm_agreement(slack, agreed_pair(slack, timeline))


def dms_after(slack, user: str, count: int):
    return slack.emulator.dms(user)[count:]


def sent_times(engine, recipient: str) -> list[tuple[str, datetime]]:
    with Session(engine) as session:
        return [(n.kind, n.sent_at) for n in session.scalars(
            select(Nudge).where(Nudge.recipient_id == recipient, Nudge.status == "sent")
            .order_by(Nudge.sent_at))]


def test_never_booked_for_twice_its_timeline_she_is_asked_then_it_lapses_kindly(
        clocked, engine):
    slack, timeline = clocked
    quiet_pair(slack, timeline)
    hers, his = len(slack.emulator.dms(MENTEE)), len(slack.emulator.dms(MENTOR))

    timeline.advance_to(START + timedelta(days=183))

    asked = sent_times(engine, MENTEE)
    kinds = [kind for kind, _ in asked]
    assert kinds == ["keep_rhythm", "keep_rhythm", "final_session", "decide",
                     "decide_reminder", "lapse"]
    times = [at for _, at in asked]
    assert all(b - a >= timedelta(days=7) for a, b in itertools.pairwise(times))
    texts = [m.all_text for m in dms_after(slack, MENTEE, hers)]
    assert "You haven't met" in texts[0] and "a month ago" in texts[0]
    assert "2 months ago" in texts[1]
    assert "What next?" in texts[3] and "End it kindly" in texts[3]
    assert "is closed" in texts[-1] and "Invite them again" in texts[-1]
    # The mentor: one message, after all that time: closed, nothing asked, place free.
    [told] = dms_after(slack, MENTOR, his)
    assert "Nothing is asked of you" in told.all_text and "free again" in told.all_text
    assert told.blocks is None or "button" not in json.dumps(told.blocks)

    [rel] = relationships(engine)
    assert rel.state == "lapsed" and rel.lapsed_at is not None
    assert transitions(engine)[-1] == ("mentorbot", "lapse", "active", "lapsed")
    with Session(engine) as session:
        assert not session.scalars(select(Nudge).where(Nudge.status == "pending")).all()

    # Status, both Homes, the report and its CSV, and her export say so.
    slack.slash(MENTEE, "status")
    slack.emulator.wait_for_response(MENTEE, "*lapsed*")
    slack.open_home(MENTOR)
    wait_for_home(slack, MENTOR, "*lapsed*")
    slack.open_home(MENTEE)
    wait_for_home(slack, MENTEE, "*lapsed*")
    slack.slash("UADMIN001", "report")
    report = slack.emulator.wait_for_response("UADMIN001", "Mentoring programme report")
    shown = str(report["body"]["blocks"])
    assert "lapsed: 1" in shown and "1 relationships, 0 conversations" in shown
    slack.emulator.wait_for(lambda: slack.emulator.files_to("UADMIN001"))
    row = next(csv.DictReader(io.StringIO(
        _text(slack.emulator.files_to("UADMIN001")[-1]))))
    assert row["state"] == "lapsed" and row["lapsed"] == rel.lapsed_at.date().isoformat()
    slack.slash(MENTEE, "export")
    slack.emulator.wait_for(lambda: any(f.get("filename", "").endswith(".json")
                                        for f in slack.emulator.files_to(MENTEE)))
    export = json.loads(_text([f for f in slack.emulator.files_to(MENTEE)
                               if f.get("filename", "").endswith(".json")][-1]))
    [mine] = export["relationships"]
    assert mine["state"] == "lapsed" and mine["dates"]["lapsed"]

    # His place is free: another mentee may ask him, and hers may ask him again, prefilled.
    lapsed = [m for m in slack.emulator.dms(MENTEE) if "Invite them again" in m.all_text][-1]
    slack.click(MENTEE, lapsed, "invite_again")
    view = slack.emulator.wait_for_view(MENTEE, "invite_compose")
    assert MENTOR in json.dumps(view) and WHY_THEM in json.dumps(view)
    assert slack.submit(MENTEE).json.get("response_action") == "push"  # the preview
    invitations = len([m for m in slack.emulator.dms(MENTOR) if "A mentoring invitation"
                       in m.all_text])
    slack.submit(MENTEE)
    slack.emulator.wait_for(lambda: len([m for m in slack.emulator.dms(MENTOR)
                                         if "A mentoring invitation" in m.all_text])
                            > invitations, what="the new invitation")
    assert [r.state for r in relationships(engine)] == ["lapsed", "invited"]

    # Old buttons say where things stand.
    decide = [m for m in slack.emulator.dms(MENTEE) if "What next?" in m.all_text][-1]
    slack.click(MENTEE, decide, "schedule_next")
    slack.emulator.wait_for_response(MENTEE, "has lapsed")
    slack.click(MENTEE, decide, "open_complete")
    slack.emulator.wait_for_response(MENTEE, "has lapsed")


def test_a_booking_after_the_second_reminder_keeps_it_going(clocked, engine):
    slack, timeline = clocked
    quiet_pair(slack, timeline)
    timeline.advance_to(START + timedelta(days=65))
    assert [k for k, _ in sent_times(engine, MENTEE)] == ["keep_rhythm", "keep_rhythm"]
    second = [m for m in slack.emulator.dms(MENTEE) if "2 months ago" in m.all_text][-1]
    slack.click(MENTEE, second, "schedule_next")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    slack.submit(MENTEE, {"date": "2027-03-15", "time": "18:00",
                          "link": "https://zoom.us/j/1234567890"})
    slack.emulator.wait_for(lambda: _meetings(engine), what="the booking")
    # He is sent nothing while he waits: his Home says where things stand.
    slack.open_home(MENTOR)
    wait_for_home(slack, MENTOR, "Next meeting:", "· not met yet")
    # The old nudge's button now says it is booked.
    slack.click(MENTEE, second, "schedule_next")
    slack.emulator.wait_for_response(MENTEE, "Booked already")

    timeline.advance_to(START + timedelta(days=100))
    [rel] = relationships(engine)
    assert rel.state == "active"
    assert "lapse" not in [k for k, _ in sent_times(engine, MENTEE)]


def accepted_conversation(slack, timeline):
    """One mentoring conversation, asked for and accepted: returns her "said yes" DM."""
    timeline.move_to(START)
    get_ready(slack, MENTEE)
    slack.slash(MENTEE, f"invite <@{MENTOR}|ben>")
    slack.emulator.wait_for_view(MENTEE, "invite_compose")
    slack.submit(MENTEE, conversation_form(timeline))
    slack.submit(MENTEE)
    invitation = slack.emulator.wait_for_dm(MENTOR, "A mentoring invitation")
    slack.click(MENTOR, invitation, "invite_accept")
    return slack.emulator.wait_for_dm(MENTEE, "said yes to one mentoring conversation")


def test_a_conversation_never_booked_is_reminded_twice_then_lapses(clocked, engine):
    slack, timeline = clocked
    accepted_conversation(slack, timeline)
    his = len(slack.emulator.dms(MENTOR))

    timeline.advance_to(START + timedelta(days=45))
    assert [k for k, _ in sent_times(engine, MENTEE)] == [
        "book_conversation", "book_conversation", "lapse"]
    [rel] = relationships(engine)
    assert rel.state == "lapsed"
    [told] = dms_after(slack, MENTOR, his)
    assert "mentoring conversation" in told.all_text and "free again" in told.all_text


def test_a_conversation_held_and_never_logged_completes_with_no_thanks_in_her_name(
        clocked, engine):
    slack, timeline = clocked
    said_yes = accepted_conversation(slack, timeline)
    slack.click(MENTEE, said_yes, "open_schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    slack.submit(MENTEE, {"date": "2027-01-12", "time": "18:00",
                          "link": "https://zoom.us/j/1234567890"})
    slack.emulator.wait_for(lambda: _meetings(engine), what="the booking")
    his = len(slack.emulator.dms(MENTOR))

    timeline.advance_to(START + timedelta(days=30))
    kinds = [k for k, _ in sent_times(engine, MENTEE)]
    assert kinds.count("after_meeting") == 1 and kinds.count("thanks_reminder") == 1
    assert kinds[-1] == "close_conversation"
    [rel] = relationships(engine)
    assert (rel.state, rel.ended_by, rel.final_thanks_sent_at) == ("completed", "system", None)
    # He held it: its closing is no news to him, and nothing was thanked in her name.
    assert not [m for m in dms_after(slack, MENTOR, his) if "thank" in m.all_text.lower()]
    assert not any("thank-you from" in m.all_text for m in slack.emulator.dms(MENTOR))


def _text(upload: dict) -> str:
    content = upload["content"]
    return content.decode() if isinstance(content, bytes) else content


def _meetings(engine) -> list[Meeting]:
    with Session(engine) as session:
        return list(session.scalars(select(Meeting)))


def test_a_lapse_racing_a_booking_gives_way_to_the_booking(clocked, engine):
    slack, timeline = clocked
    quiet_pair(slack, timeline)
    timeline.advance_to(START + timedelta(days=98))  # the reminder has gone out
    slack.slash("UADMIN001", "report")
    report = slack.emulator.wait_for_response("UADMIN001", "Mentoring programme report")
    assert "or past the agreed end): 1" in str(report["body"]["blocks"])
    with Session(engine) as session:
        lapse = session.scalars(select(Nudge).where(Nudge.kind == "lapse",
                                                    Nudge.status == "pending")).one()
        due = lapse.due_at
    # She books while the lapse is already due but not yet run: the re-check sees it.
    timeline.move_to(due + timedelta(minutes=1))
    slack.slash(MENTEE, "schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    slack.submit(MENTEE, {"date": "2027-04-28", "time": "18:00",
                          "link": "https://zoom.us/j/1234567890"})
    slack.emulator.wait_for(lambda: _meetings(engine), what="the booking")
    timeline.run_due()
    [rel] = relationships(engine)
    assert rel.state == "active"
    with Session(engine) as session:
        assert session.get(Nudge, lapse.id).status == "obsolete"
    assert not [m for m in slack.emulator.dms(MENTOR) if "is closed" in m.all_text]


def test_someone_forgotten_is_never_sent_lapse_messages(clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    slack.slash(MENTEE, "forget")
    prompt = slack.emulator.wait_for_response(MENTEE, "Forget me")
    slack.click_ephemeral(MENTEE, prompt, "forget_confirm")
    slack.emulator.wait_for_dm(MENTOR, "has left mentorbot")
    hers, his = len(slack.emulator.dms(MENTEE)), len(slack.emulator.dms(MENTOR))
    timeline.advance_to(timeline.now + timedelta(days=400))
    assert dms_after(slack, MENTOR, his) == [] and dms_after(slack, MENTEE, hers) == []
    with Session(engine) as session:
        assert not session.scalars(select(Nudge).where(Nudge.status == "sent",
                                                       Nudge.kind == "lapse")).all()


def test_a_proposal_to_continue_is_her_answer_and_she_is_asked_again_if_he_never_replies(
        clocked, engine):
    slack, timeline = clocked
    quiet_pair(slack, timeline)
    timeline.advance_to(START + timedelta(days=92))
    decide = [m for m in slack.emulator.dms(MENTEE) if "What next?" in m.all_text][-1]
    slack.click(MENTEE, decide, "open_continue")
    slack.emulator.wait_for_view(MENTEE, "continue")
    slack.submit(MENTEE, {"extra_months": "3"})
    slack.emulator.wait_for_dm(MENTOR, "would like to continue")
    proposed = timeline.now
    # Past the lapse the first question set: nothing closes while he has it.
    timeline.advance_to(START + timedelta(days=105))
    assert relationships(engine)[0].state == "active"
    assert [k for k, _ in sent_times(engine, MENTEE)][-1] == "decide"
    # He never answers: two weeks after her proposal she is asked afresh, and told so.
    timeline.advance_to(proposed + timedelta(days=14, hours=1))
    again = [m for m in slack.emulator.dms(MENTEE) if "What next?" in m.all_text][-1]
    assert again is not decide
    assert "hasn't answered your proposal to continue" in again.all_text


def test_a_yes_no_agreement_follows_is_asked_for_then_lapses_kindly(clocked, engine):
    """Agreed, and no agreement ever in force: reminded, told when it will close, closed;
    the mentor told once, his place free. A relationship never stays agreed for ever."""
    slack, timeline = clocked
    agreed_pair(slack, timeline)
    slack.settle()
    hers, his = len(slack.emulator.dms(MENTEE)), len(slack.emulator.dms(MENTOR))

    timeline.advance_to(START + timedelta(days=30))

    assert [kind for kind, _ in sent_times(engine, MENTEE)] == [
        "agreement_not_sent", "agreement_last_call", "lapse"]
    texts = [m.all_text for m in dms_after(slack, MENTEE, hers)]
    assert "put your expectations in writing" in texts[0]
    assert "said yes 2 weeks ago" in texts[1] and "close it kindly" in texts[1]
    assert "Write the expectations agreement" in texts[1]
    assert "it never began" in texts[2] and "Invite them again" in texts[2]
    [told] = dms_after(slack, MENTOR, his)
    assert "no agreement was confirmed after your yes" in told.all_text
    assert "free again" in told.all_text
    [rel] = relationships(engine)
    assert rel.state == "lapsed"
    assert transitions(engine)[-1] == ("mentorbot", "lapse", "agreed", "lapsed")
    with Session(engine) as session:
        assert not session.scalars(select(Nudge).where(Nudge.status == "pending")).all()


def test_an_agreement_confirmed_in_time_is_never_closed(clocked, engine):
    slack, timeline = clocked
    prompt = agreed_pair(slack, timeline)
    timeline.advance_to(START + timedelta(days=15))  # past the last call
    confirm_agreement(slack, prompt)
    timeline.advance_to(START + timedelta(days=25))
    [rel] = relationships(engine)
    assert rel.state == "active"
    assert "lapse" not in [kind for kind, _ in sent_times(engine, MENTEE)]

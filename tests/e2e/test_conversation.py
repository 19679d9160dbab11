"""One mentoring conversation: asked for as such, no agreement, one session within a month,
complete once thanked for; then a relationship may be proposed, prefilled from it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Meeting, Nudge
from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import get_ready, relationships, transitions

ADMIN = "UADMIN001"
WHY = ("Your talk on career paths in platform teams made me rethink mine; I would love to "
       "hear how you chose between management and staff engineering.")
INTRO = "I'm a backend engineer on Payments, aiming to lead a platform team within two years."
OFFER = "A short write-up of what I learn, for your own mentees"
THANKS = "Thank you: the story of your first team lead role gave me the courage to ask."


def conversation_form(timeline, **fill) -> dict:
    reply_by = (timeline.now + timedelta(days=5)).date().isoformat()
    return {"ask": "conversation", "intro": INTRO, "why_them": WHY, "offer": OFFER,
            "logistics": ["yes"], "minutes": "45", "reply_by": reply_by, **fill}


def pending(engine) -> list[str]:
    with Session(engine) as session:
        return sorted(session.scalars(select(Nudge.kind).where(Nudge.status == "pending")))


def test_a_single_conversation_from_invitation_to_completed_and_then_a_relationship(
        clocked, engine):
    slack, timeline = clocked
    get_ready(slack, MENTEE)
    slack.slash(MENTEE, f"invite <@{MENTOR}|ben>")
    slack.emulator.wait_for_view(MENTEE, "invite_compose")
    too_long = slack.submit(MENTEE, conversation_form(timeline, minutes="90")).json
    assert "one session of 30 to 60 minutes" in too_long["errors"]["minutes"]
    late = (timeline.now + timedelta(days=20)).date().isoformat()
    too_late = slack.submit(MENTEE, conversation_form(timeline, reply_by=late)).json
    assert "within 14 days" in too_late["errors"]["reply_by"]
    assert slack.submit(MENTEE, conversation_form(timeline)).json["response_action"] == "push"
    slack.submit(MENTEE)
    invitation = slack.emulator.wait_for_dm(MENTOR, "A mentoring invitation")
    assert "asks you for *one mentoring conversation of 45 min (video call), sometime in " \
        "the next month*" in invitation.all_text
    assert "invite_suggest" not in str(invitation.blocks)

    slack.click(MENTOR, invitation, "invite_accept")
    said_yes = slack.emulator.wait_for_dm(MENTEE, "said yes to one mentoring conversation")
    [rel] = relationships(engine)
    assert (rel.state, rel.ask) == ("active", "conversation")
    assert transitions(engine)[-1] == (MENTOR, "accept", "invited", "active")
    assert "keep_rhythm" not in pending(engine) and "final_session" not in pending(engine)

    slack.slash(MENTEE, "agreement")
    slack.emulator.wait_for_response(MENTEE, "needs no agreement")

    slack.click(MENTEE, said_yes, "open_schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    link = "https://zoom.us/j/1234567890"
    far = (timeline.now + timedelta(days=40)).date().isoformat()
    refused = slack.submit(MENTEE, {"date": far, "time": "18:00", "link": link,
                                    "minutes": "90"}).json["errors"]
    assert "within a month of the yes" in refused["date"]
    assert "at most an hour" in refused["minutes"]
    day = (timeline.now + timedelta(days=10)).date().isoformat()
    slack.submit(MENTEE, {"date": day, "time": "18:00", "link": link, "minutes": "45"})
    slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    slack.slash(MENTEE, "schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    again = slack.submit(MENTEE, {"date": day, "time": "20:00", "link": link}).json
    assert "booked already" in str(again)

    with Session(engine) as session:
        starts = session.scalars(select(Meeting.starts_at)).one()
    timeline.run_due(starts - timedelta(days=2))
    nudge = slack.emulator.wait_for_dm(MENTEE, "Time to send your topics")
    slack.click(MENTEE, nudge, "send_agenda")
    agenda = slack.emulator.wait_for_view(MENTEE, "agenda")
    assert "Your path so far" in str(agenda["blocks"])
    slack.submit(MENTEE, {"topics": "Your path so far, and the move to lead"})

    timeline.run_due(starts + timedelta(hours=2))
    ask = slack.emulator.wait_for_dm(MENTEE, "How did your session")
    slack.click(MENTEE, ask, "open_after_meeting")
    slack.emulator.wait_for_view(MENTEE, "after_meeting")
    slack.submit(MENTEE, {"thanks": THANKS})
    slack.emulator.wait_for_notice(MENTEE, "Your mentoring conversation is complete")
    slack.emulator.wait_for_dm(MENTOR, "A final thank-you")
    complete = slack.emulator.wait_for_dm(MENTEE, "is complete. If it went well")
    assert relationships(engine)[0].state == "completed"
    assert pending(engine) == []

    slack.click(MENTEE, complete, "propose_relationship")
    composer = slack.emulator.wait_for_view(MENTEE, "invite_compose")
    fields = {b["block_id"]: b["element"] for b in composer["blocks"] if b["type"] == "input"}
    assert fields["mentor"]["initial_user"] == MENTOR
    assert fields["ask"]["initial_option"]["value"] == "relationship"
    assert fields["why_them"]["initial_value"] == WHY
    assert fields["intro"]["initial_value"] == INTRO

    slack.slash(ADMIN, "report")
    slack.emulator.wait_for_response(ADMIN, "single mentoring conversations: 1")

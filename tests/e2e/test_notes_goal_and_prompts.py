"""The notes she promised, her goal looked back on, and ideas for the agenda (issue 26):
a summary shared once, escaped, with her thanks; the goal she set out with shown to her
alone as she completes; prompts from the article inserted on a click, sent only if kept."""

from __future__ import annotations

import json
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Meeting, Relationship
from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import READINESS, book_at_six, make_active
from tests.e2e.test_personal_data import exported

QUIET_OFF = {"QUIET_HOURS_START": "00:00", "QUIET_HOURS_END": "00:00"}
BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE = "We covered <!channel> and <@U0SOMEONE> & <https://evil.example|zoom.us>"


def held_meeting(slack, timeline):
    """Active, one meeting booked, held, and her after-meeting nudge come: returns it."""
    make_active(slack, MENTEE, MENTOR)
    starts = book_at_six(slack, MENTEE, MENTOR, (timeline.now + timedelta(days=4)).date())
    timeline.run_due(starts + timedelta(hours=2), **QUIET_OFF)
    return slack.emulator.wait_for_dm(MENTEE, "How did your session")


def test_a_summary_is_shared_once_escaped_with_her_thanks_and_is_hers(clocked, engine):
    slack, timeline = clocked
    ask = held_meeting(slack, timeline)
    slack.click(MENTEE, ask, "open_after_meeting")
    view = slack.emulator.wait_for_view(MENTEE, "after_meeting")
    assert f"go to <@{MENTOR}>, once" in json.dumps(view)
    told = len(slack.emulator.dms(MENTOR))

    # Over the limit (Slack's client stops it; a forged request is refused too): an
    # inline error, so the form stays open with her words in it, and nothing is sent.
    payload = slack.submit_payload(MENTEE, {"summary": "x", "thanks": "Thanks!"})
    payload["view"]["state"]["values"]["summary"]["summary"]["value"] = "x" * 2001
    too_long = slack.send_interactive(payload)
    assert too_long.json["response_action"] == "errors"
    assert "Keep it under 2,000 characters" in too_long.json["errors"]["summary"]

    reply = slack.submit(MENTEE, {"takeaways": "Private.", "summary": HOSTILE,
                                  "thanks": "Thank you for today."})
    assert "thanks and summary are in your conversation" in json.dumps(reply.json)
    shared = slack.emulator.wait_for_dm(MENTOR, "A summary of the session")
    slack.settle()
    # One message, in the pair's conversation, thanks and summary together.
    assert len(slack.emulator.dms(MENTOR)) == told + 1
    assert set(shared.members) == {MENTEE, MENTOR}
    assert "Thank you for today." in shared.all_text
    text = shared.all_text
    assert "<!channel>" not in text and "<@U0SOMEONE>" not in text and "<https" not in text
    assert "&lt;!channel&gt;" in text and "&amp;" in text
    assert "Private." not in text

    # Once: the form no longer offers it, and a second summary is refused.
    slack.click(MENTEE, ask, "open_after_meeting")
    again = slack.emulator.wait_for_view(MENTEE, "after_meeting")
    assert '"summary"' not in json.dumps(again)

    mine = exported(slack, MENTEE)["relationships"][0]["meetings"][0]
    assert mine["summary"] == HOSTILE and mine["summary_shared_at"]
    assert HOSTILE not in json.dumps(exported(slack, MENTOR))

    slack.slash(MENTEE, "forget")
    prompt = slack.emulator.wait_for_response(MENTEE, "Forget me")
    slack.click_ephemeral(MENTEE, prompt, "forget_confirm")
    slack.emulator.wait_for_dm(MENTOR, "has left mentorbot")
    with Session(engine) as session:
        assert session.scalars(select(Meeting.summary)).all() == [None]


def test_her_goal_is_shown_at_completion_and_never_to_the_mentor(clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    with Session(engine) as session:
        rel = session.scalars(select(Relationship)).one()
        active_at, intro = rel.active_at, rel.invitation.intro
    timeline.run_due(active_at + timedelta(days=round(6 * 30.44) - 14, minutes=1), **QUIET_OFF)
    final = slack.emulator.wait_for_dm(MENTEE, "Plan the final session")
    slack.click(MENTEE, final, "open_complete")
    view = json.dumps(slack.emulator.wait_for_view(MENTEE, "complete"))
    # Her invitation carried her readiness goal: shown once, as she wrote it to him.
    assert READINESS["next_goal"] in intro and intro[:40] in view
    assert view.count(READINESS["next_goal"]) == 1
    assert "Where do you stand now?" in view
    slack.submit(MENTEE, {"goal_now": "Leading a team of four since June.",
                          "final_thanks": "Thank you, Ben."})
    slack.emulator.wait_for_dm(MENTOR, "A final thank-you from")
    slack.settle()
    with Session(engine) as session:
        assert session.scalars(select(Relationship.goal_now)).one() == \
            "Leading a team of four since June."
    seen_by_him = " ".join(m.all_text for m in slack.emulator.dms(MENTOR))
    assert "team of four" not in seen_by_him
    assert exported(slack, MENTEE)["relationships"][0]["ending"]["goal_now"] == \
        "Leading a team of four since June."
    assert "team of four" not in json.dumps(exported(slack, MENTOR))


def test_agenda_prompts_are_inserted_on_a_click_and_sent_only_if_kept(clocked):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book_at_six(slack, MENTEE, MENTOR, (timeline.now + timedelta(days=6)).date())
    booking = slack.emulator.wait_for_dm(MENTEE, "Mentoring session")
    slack.click(MENTEE, booking, "send_agenda")
    view = slack.emulator.wait_for_view(MENTEE, "agenda")
    assert "agenda_prompt_1" in json.dumps(view)

    # What she typed stays; the prompt follows it, in a field she can still change.
    slack.click_in_modal(MENTEE, "agenda_prompt_1", {"questions": "How did you pick a team?"})
    slack.emulator.wait_for(lambda: "family, your health" in json.dumps(
        slack.emulator.top_view(MENTEE)), what="the prompt in her questions")
    slack.click_in_modal(MENTEE, "agenda_prompt_3")
    slack.emulator.wait_for(lambda: "I'm afraid to ask" in json.dumps(
        slack.emulator.top_view(MENTEE)), what="the second prompt")
    questions = next(b["element"]["initial_value"]
                     for b in slack.emulator.top_view(MENTEE)["blocks"]
                     if b.get("element", {}).get("action_id") == "questions")
    assert questions.startswith("How did you pick a team?\nA decision that cost you")
    # She keeps the first, and rewrites the other as her own.
    kept = questions.replace("The question I'm afraid to ask: ",
                             "The question I'm afraid to ask: was it worth it?")
    slack.submit(MENTEE, {"topics": "My next step", "questions": kept})
    agenda = slack.emulator.wait_for_dm(MENTOR, "Agenda from")
    assert "your family, your health and your fulfilment" in agenda.all_text
    assert "was it worth it?" in agenda.all_text
    # A prompt she never inserted is never sent.
    assert "would you do differently" not in agenda.all_text

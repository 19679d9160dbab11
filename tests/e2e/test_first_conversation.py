"""The first meeting is where the connection starts: its agenda begins with the two
people's paths and their expectations, and the mentor is invited to share his own."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import make_active
from tests.e2e.test_endings import book
from tests.e2e.test_pair_conversation import meeting_starts


def topics_offered(slack, message) -> str:
    slack.click(MENTEE, message, "send_agenda")
    view = slack.emulator.wait_for_view(MENTEE, "agenda")
    field = next(b["element"] for b in view["blocks"] if b.get("block_id") == "topics")
    return field.get("initial_value") or ""


def test_the_first_meetings_agenda_and_the_mentors_reminder_invite_their_stories(
        clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline, days=5)
    starts = meeting_starts(engine)
    timeline.run_due(starts - timedelta(days=2))
    nudge = slack.emulator.wait_for_dm(MENTEE, "Time to send your topics")
    offered = topics_offered(slack, nudge)
    assert "Our paths so far: a professional and a personal choice" in offered
    assert "Our expectations, talked through" in offered
    slack.submit(MENTEE, {"topics": offered + "\n3. Growing into a lead"})
    slack.emulator.wait_for_dm(MENTOR, "Growing into a lead")

    timeline.run_due(starts - timedelta(hours=23))
    briefing = slack.emulator.wait_for_dm(MENTOR, "Tomorrow: mentoring with")
    assert "share your own path too, including the choices that were hard" in \
        briefing.all_text
    assert "kept in confidence" in briefing.all_text  # why it is safe to

    # The next meeting is an ordinary one: no prefill, no line.
    slack.slash(MENTEE, "schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    later = (timeline.now + timedelta(days=20)).date().isoformat()
    slack.submit(MENTEE, {"date": later, "time": "18:00", "link": "https://zoom.us/j/1234567890"})
    second = slack.emulator.wait_for(lambda: [
        m for m in slack.emulator.dms(MENTOR) if m.text.startswith("Mentoring session")
        and "send_agenda" in str(m.blocks) and m.ts != briefing.ts][-1:])[0]
    assert topics_offered(slack, second) == ""

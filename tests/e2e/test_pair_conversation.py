"""The pair's conversation: opened once and reused, a fallback to DMs when Slack refuses
it, and nothing private ever said where the mentor can read it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import log_and_thank, make_active, relationships
from tests.e2e.test_endings import book

PRIVATE = {
    "takeaways": "MARKER-TAKEAWAY delegate the review",
    "reflection": "MARKER-REFLECTION I grew braver",
    "end_reason": "MARKER-REASON my calendar is full",
}


def group_opens(slack) -> list:
    return [c for c in slack.emulator.calls_to("conversations.open")
            if "," in str(c.params.get("users", ""))]


def test_one_conversation_is_opened_for_the_pair_and_everything_shared_goes_there(
        clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline)
    [opened] = group_opens(slack)
    [channel] = slack.emulator.groups
    assert set(slack.emulator.groups[channel]) == {MENTEE, MENTOR}
    assert relationships(engine)[0].pair_channel == channel
    shared = [m for m in slack.emulator.dms(MENTOR) if m.channel == channel]
    assert [m.text.split(" (")[0] for m in shared] == [
        "Your mentoring has begun", f"Mentoring session: <@{MENTEE}> and <@{MENTOR}>"]
    assert opened.error is None


def test_a_pair_whose_conversation_slack_refuses_goes_on_in_each_ones_dm(clocked, engine):
    slack, timeline = clocked
    slack.emulator.fail("conversations.open", status=200, error="user_disabled", times=3)
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline)
    assert slack.emulator.groups == {}
    assert relationships(engine)[0].state == "active"
    for person in (MENTEE, MENTOR):
        booked = slack.emulator.wait_for_dm(person, "Mentoring session")
        assert booked.members == (person,)  # in that person's own DM
    slack.emulator.wait_for(lambda: all(slack.emulator.files_to(p) for p in (MENTEE, MENTOR)))


def test_nothing_private_reaches_anything_the_mentor_can_see(clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline, days=1)
    timeline.run_due(meeting_starts(engine) + timedelta(hours=2))
    ask = slack.emulator.wait_for_dm(MENTEE, "How did your session")
    slack.click(MENTEE, ask, "open_after_meeting")
    slack.emulator.wait_for_view(MENTEE, "after_meeting")
    slack.submit(MENTEE, {"takeaways": PRIVATE["takeaways"], "thanks": "Thank you!"})
    slack.emulator.wait_for_dm(MENTOR, "A thank-you from")
    slack.slash(MENTEE, "complete")
    slack.emulator.wait_for_view(MENTEE, "complete")
    slack.submit(MENTEE, {"reflection": PRIVATE["reflection"], "final_thanks": "Thanks!"})
    slack.emulator.wait_for_dm(MENTOR, "A final thank-you from")
    slack.open_home(MENTOR)
    slack.emulator.wait_for(lambda: "completed" in str(slack.emulator.home.get(MENTOR)))

    seen = mentor_can_see(slack)
    assert "Thank you!" in seen and "Thanks!" in seen  # the search reaches what is shared
    assert "MARKER" not in seen
    assert "agendas on time" not in seen and "thanks sent" not in seen  # her duty figures


def test_an_early_end_keeps_its_reason_with_the_one_who_gave_it(clocked):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline)
    slack.slash(MENTEE, "end")
    slack.emulator.wait_for_view(MENTEE, "end_relationship")
    slack.submit(MENTEE, {"end_reason": PRIVATE["end_reason"]})
    slack.emulator.wait_for_dm(MENTOR, "brought your mentoring to a close")
    slack.emulator.wait_for_dm(MENTOR, "Cancelled: mentoring session")
    assert "MARKER" not in mentor_can_see(slack)


def mentor_can_see(slack) -> str:
    """Every message, file, modal, Home and reply the mentor could read."""
    emulator = slack.emulator
    parts = [m.all_text + str(m.history) for m in emulator.dms(MENTOR)]
    parts += [str(f.get("content")) + str(f.get("initial_comment"))
              for f in emulator.files_to(MENTOR)]
    parts += [str(c.params) for c in emulator.calls if c.user == MENTOR]
    parts += [str(emulator.home.get(MENTOR))]
    return "\n".join(parts)


def meeting_starts(engine):
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from bot.db.models import Meeting

    with Session(engine) as session:
        return session.scalars(select(Meeting.starts_at)).one()


def test_thanks_reach_the_mentor_in_the_mentees_words_in_their_conversation(clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline, days=1)
    timeline.run_due(meeting_starts(engine) + timedelta(hours=2))
    ask = slack.emulator.wait_for_dm(MENTEE, "How did your session")
    thanks = log_and_thank(slack, MENTEE, MENTOR, ask)
    assert set(thanks.members) == {MENTEE, MENTOR}


def test_the_mentor_asks_with_his_words_and_times_and_one_click_of_the_mentee_moves_it(
        clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline, days=6)
    booking = slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    before = {p: len(slack.emulator.new_messages(p)) for p in (MENTEE, MENTOR)}

    slack.click(MENTOR, booking, "meeting_ask_change")
    slack.emulator.wait_for_view(MENTOR, "ask_change")
    la = timeline.now.astimezone(ZoneInfo("America/Los_Angeles"))
    suits = (la + timedelta(days=8)).date()
    # A date with no time is refused inline, on that date.
    reply = slack.submit(MENTOR, {"ask_date_1": suits.isoformat()})
    assert "both the date and the start time" in reply.json["errors"]["ask_date_1"]
    # A time before now is refused inline too.
    past = (la - timedelta(days=1)).date().isoformat()
    reply = slack.submit(MENTOR, {"ask_date_1": past, "ask_time_1": "09:00"})
    assert "future" in reply.json["errors"]["ask_date_1"]
    slack.submit(MENTOR, {"ask_note": "A launch moved onto that day <!channel>.",
                          "ask_date_1": suits.isoformat(), "ask_time_1": "09:00",
                          "ask_date_2": suits.isoformat(), "ask_time_2": "11:30"})
    slack.emulator.wait_for_notice(MENTOR, "has your request")

    # His words and times join the meeting's message for both, in place...
    slack.emulator.wait_for(lambda: "asks to move it" in booking.all_text)
    assert "A launch moved onto that day &lt;!channel&gt;." in booking.all_text
    first = datetime.combine(suits, datetime.min.time().replace(hour=9),
                             tzinfo=ZoneInfo("America/Los_Angeles"))
    assert f"{first:%-I:%M %p}" in slack.emulator.seen_by(booking, MENTOR)
    # ...and the mentee gets her part: one button per time that suits him.
    ask = slack.emulator.wait_for_dm(MENTEE, "asks to move your session")
    moves = [e for b in ask.blocks for e in b.get("elements", [])
             if e.get("action_id", "").startswith("meeting_move_to_")]
    assert len(moves) == 2
    assert {p: len(slack.emulator.new_messages(p)) for p in (MENTEE, MENTOR)} == {
        MENTEE: before[MENTEE] + 1, MENTOR: before[MENTOR]}  # nothing new for him

    slack.click(MENTOR, ask, "meeting_move_to_1")  # his click on her button moves nothing
    slack.emulator.wait_for_response(MENTOR, "The mentee moves it")
    slack.click(MENTEE, ask, "meeting_move_to_1")
    slack.emulator.wait_for(lambda: "Moved to" in ask.all_text)
    slack.emulator.wait_for(lambda: len(slack.emulator.files_to(MENTOR)) == 2)
    assert meeting_starts(engine) == first.astimezone(UTC)
    # He asked, so the move answers him in place: still nothing new for him.
    assert len(slack.emulator.new_messages(MENTOR)) == before[MENTOR]
    assert "Moved: mentoring session" in booking.text


def test_every_row_of_buttons_in_their_conversation_says_whose_it_is(clocked, engine):
    """Both read each shared message: a button that would refuse one of them is labelled
    with the other's name just above it, and that one's click is still refused."""
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline)
    channel = relationships(engine)[0].pair_channel
    booking = next(m for m in reversed(slack.emulator.dms(MENTOR))
                   if m.channel == channel and "Mentoring session" in m.text)
    owners = {"mentee_actions": MENTEE, "mentor_actions": MENTOR}
    rows = [(i, b) for i, b in enumerate(booking.blocks) if b["type"] == "actions"]
    assert {b["block_id"] for _, b in rows} == set(owners)
    for i, row in rows:
        label = booking.blocks[i - 1]
        assert label["type"] == "context"
        assert label["elements"][0]["text"].startswith(f"For <@{owners[row['block_id']]}>")
    # He sees her Reschedule, says whose it is, and a click still answers him plainly.
    slack.click(MENTOR, booking, "meeting_reschedule")
    slack.emulator.wait_for_response(MENTOR, "Ask to reschedule")
    assert slack.emulator.top_view(MENTOR) is None

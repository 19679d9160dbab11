"""The mentee's private check-in on the connection, after the first and third meetings: kept
for her alone, and a "not yet" after the third brings her one tip before the fourth."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Meeting
from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import make_active

ADMIN = "UADMIN001"
QUESTION = "share something real"
TIP = "ask them about a decision that cost them something"
MARKERS = (QUESTION, "something real", "Not yet", "not_yet", TIP)


def book(slack, timeline, days: int) -> Meeting:
    slack.slash(MENTEE, "schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    day = (timeline.now + timedelta(days=days)).date().isoformat()
    slack.submit(MENTEE, {"date": day, "time": "18:00", "link": "https://zoom.us/j/1234567890"})
    return latest_meeting(slack)


def latest_meeting(slack) -> Meeting:
    engine = slack.engine
    with Session(engine) as session:
        return session.scalars(select(Meeting).order_by(Meeting.starts_at.desc())).first()


def log(slack, timeline, meeting: Meeting, shared: str | None) -> dict:
    """Runs the after-meeting nudge and logs it as held; returns the modal she saw."""
    timeline.run_due(meeting.starts_at + timedelta(hours=2))
    ask = slack.emulator.wait_for(lambda: [
        m for m in slack.emulator.dms(MENTEE) if m.text.startswith("How did your session")
        and m.ts not in slack.seen_asks][-1:])[0]
    slack.seen_asks.add(ask.ts)
    slack.click(MENTEE, ask, "open_after_meeting")
    view = slack.emulator.wait_for_view(MENTEE, "after_meeting")
    slack.submit(MENTEE, {"takeaways": "Mine alone.",
                          **({"shared_something_real": shared} if shared else {})})
    slack.emulator.wait_for_notice(MENTEE, "Logged.")
    return view


def asked(view: dict) -> bool:
    return QUESTION in str(view["blocks"])


def test_the_check_in_is_hers_alone_and_a_not_yet_after_the_third_brings_a_tip(
        clocked, engine):
    slack, timeline = clocked
    slack.engine, slack.seen_asks = engine, set()
    make_active(slack, MENTEE, MENTOR)

    first = book(slack, timeline, days=3)
    assert asked(log(slack, timeline, first, "yes"))
    second = book(slack, timeline, days=10)
    assert not asked(log(slack, timeline, second, None))
    third = book(slack, timeline, days=10)
    assert asked(log(slack, timeline, third, "not_yet"))
    with Session(engine) as session:
        kept = session.scalars(select(Meeting.shared_something_real)
                               .order_by(Meeting.starts_at)).all()
    assert kept == ["yes", None, "not_yet"]

    fourth = book(slack, timeline, days=20)
    timeline.run_due(fourth.starts_at - timedelta(days=2))
    nudge = slack.emulator.wait_for_dm(MENTEE, "Time to send your topics")
    assert TIP in nudge.all_text

    # Nothing of it reaches the mentor, in his DMs or the pair's conversation, nor the
    # coordinator's report and its CSV.
    slack.slash(ADMIN, "report")
    report = slack.emulator.wait_for_response(ADMIN, "Mentoring programme report")
    [upload] = slack.emulator.wait_for(lambda: slack.emulator.files_to(ADMIN))
    rows = list(csv.DictReader(io.StringIO(upload["content"].decode())))
    assert rows and "meetings_held" in rows[0]
    seen_by_others = " ".join(
        [slack.emulator.seen_by(m, MENTOR) for m in list(slack.emulator.messages.values())
         if MENTOR in m.members]
        + [str(report["body"]), upload["content"].decode()])
    for marker in MARKERS:
        assert marker not in seen_by_others

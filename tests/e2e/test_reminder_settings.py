"""Each person's own reminders, set on the App Home: they change what is sent, and when."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Meeting
from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import make_active, wait_for_home
from tests.e2e.test_endings import book
from tests.e2e.test_nudges import outbox


def starts_of(engine):
    with Session(engine) as session:
        return session.scalars(select(Meeting.starts_at)).one()


def change_reminders(slack, user: str, **answers) -> None:
    slack.open_home(user)
    wait_for_home(slack, user, "Your reminders")
    slack.click_home(user, "open_reminders")
    slack.emulator.wait_for_view(user, "reminders")
    slack.submit(user, answers)
    slack.emulator.wait_for_notice(user, "Reminders saved")


def test_the_mentor_swaps_his_day_before_reminder_for_the_starting_soon_link(clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline, days=5)
    assert outbox(engine)["mentor_briefing"] == "pending"
    assert "starting_soon_mentor" not in outbox(engine)  # off for mentors by default

    change_reminders(slack, MENTOR, reminder_options=["mentor_starting_soon"])
    # Re-planned at once: what he turned off is obsolete, what he turned on is planned.
    kinds = outbox(engine)
    assert kinds["mentor_briefing"] == "obsolete" and kinds["starting_soon_mentor"] == "pending"
    wait_for_home(slack, MENTOR, "as mentor, day-before reminder: off, starting-soon "
                                 "reminder: on")
    assert "as mentee" not in str(slack.emulator.home[MENTOR])  # he is nobody's mentee

    starts = starts_of(engine)
    timeline.run_due(starts - timedelta(hours=23))
    assert not [m for m in slack.emulator.dms(MENTOR) if "Tomorrow:" in m.text]
    timeline.run_due(starts - timedelta(minutes=15))
    slack.emulator.wait_for_dm(MENTOR, "Starting soon")


def test_the_mentee_moves_her_quiet_hours_and_her_nudge_waits_for_their_end(clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline, days=5)
    starts = starts_of(engine)
    # Her agenda nudge is due two days before, at 18:00 Berlin: she keeps evenings quiet.
    change_reminders(slack, MENTEE, quiet_start="17:00", quiet_end="09:00")
    assert timeline.run_due(starts - timedelta(days=2)) == {"deferred": 1}
    assert not [m for m in slack.emulator.dms(MENTEE) if "Time to send your topics" in m.text]
    # Her duty nudges can't be turned off: the form has no such choice, and it still comes.
    view = slack.emulator.calls_to("views.open")[-1].params["view"]
    assert "always come" in str(view)
    next_morning = starts - timedelta(days=2) + timedelta(hours=15, minutes=1)
    assert timeline.run_due(next_morning) == {"sent": 1}
    slack.emulator.wait_for_dm(MENTEE, "Time to send your topics")


def test_quiet_hours_that_begin_when_they_end_are_refused_inline(clocked):
    slack, _ = clocked
    make_active(slack, MENTEE, MENTOR)
    slack.open_home(MENTEE)
    wait_for_home(slack, MENTEE, "Your reminders")
    slack.click_home(MENTEE, "open_reminders")
    slack.emulator.wait_for_view(MENTEE, "reminders")
    reply = slack.submit(MENTEE, {"quiet_start": "22:00", "quiet_end": "22:00"})
    assert "different from their start" in reply.json["errors"]["quiet_end"]


def test_a_mentee_who_only_moves_her_quiet_hours_keeps_her_starting_soon_reminder(
        clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline, days=5)
    slack.open_home(MENTEE)
    wait_for_home(slack, MENTEE, "as mentee, starting-soon reminder: on")
    assert "as mentor" not in str(slack.emulator.home[MENTEE])  # she mentors nobody
    change_reminders(slack, MENTEE, quiet_start="20:00")  # the boxes left as prefilled
    form = str(slack.emulator.calls_to("views.open")[-1].params["view"])
    assert "As a mentor" not in form
    assert outbox(engine)["starting_soon_mentee"] == "pending"
    wait_for_home(slack, MENTEE, "quiet 20:00", "as mentee, starting-soon reminder: on")
    starts = starts_of(engine)
    timeline.run_due(starts - timedelta(minutes=15))
    slack.emulator.wait_for_dm(MENTEE, "Starting soon")

"""The coordinator's report: figures that match the programme, a CSV per relationship,
nothing anyone wrote, and a clear refusal for everyone else."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from bot.db.models import Invitation, Meeting, Relationship
from tests.conftest import MENTEE, MENTOR

ADMIN = "UADMIN001"
SECRETS = ("SECRET-AGENDA", "SECRET-TAKEAWAY", "SECRET-REFLECTION", "SECRET-REASON",
           "SECRET-NOTE")


def seed_programme(engine, team_id: str, now: datetime) -> None:
    """Five relationships whose figures are known (see the test's expectations)."""
    day = timedelta(days=1)

    def rel(number: int, state: str, mentee: str, mentor: str, cadence: str = "biweekly",
            active_days_ago: int | None = 60, **extra) -> Relationship:
        row = Relationship(
            team_id=team_id, mentee_id=mentee, mentor_id=mentor, state=state, version=1,
            cadence=cadence, minutes=45, months=6, meeting_format="video",
            created_at=now - 90 * day + number * timedelta(minutes=1),
            active_at=now - active_days_ago * day if active_days_ago else None, **extra)
        row.invitation = Invitation(
            team_id=team_id, intro="I lead a small team.", why_them="Your talk on hiring.",
            offer="Notes.", handles_logistics=True, reply_by=date(2026, 1, 1),
            reply_by_at=now - 80 * day, decline_reason="SECRET-REASON"
            if state == "declined" else None, counter_note="SECRET-NOTE")
        return row

    def meeting(row: Relationship, days_ago: int, status: str, agenda_days_ahead=None,
                thanked: bool = False) -> Meeting:
        starts = now - days_ago * day
        return Meeting(team_id=team_id, relationship_id=row.id, starts_at=starts, minutes=45,
                       meeting_format="video", link="https://zoom.us/j/1", status=status,
                       uid=f"{row.mentee_id}-{days_ago}@test", sequence=0,
                       created_at=starts - 7 * day, agenda_topics="SECRET-AGENDA",
                       agenda_sent_at=starts - agenda_days_ahead * day
                       if agenda_days_ahead is not None else None,
                       takeaways="SECRET-TAKEAWAY" if status == "held" else None,
                       thanks_sent_at=starts + timedelta(hours=2) if thanked else None)

    with Session(engine) as session:
        busy = rel(1, "active", MENTEE, MENTOR, late_changes_mentee=1)
        stalled = rel(2, "active", "UMENTEE02", "UMENTOR02", cadence="weekly",
                      active_days_ago=40)
        done = rel(3, "completed", "UMENTEE03", MENTOR, reflection="SECRET-REFLECTION",
                   completed_at=now - 5 * day)
        invited = rel(4, "invited", "UMENTEE04", "UMENTOR02", active_days_ago=None)
        declined = rel(5, "declined", "UMENTEE02", MENTOR, active_days_ago=None,
                       declined_at=now - 70 * day)
        session.add_all([busy, stalled, done, invited, declined])
        session.flush()
        session.add_all([
            meeting(busy, 24, "held", agenda_days_ahead=2, thanked=True),  # on time, thanked
            meeting(busy, 10, "held", agenda_days_ahead=0.5),  # agenda late, no thanks
            meeting(busy, 3, "cancelled"),
            meeting(done, 20, "held", agenda_days_ahead=3, thanked=True),
        ])
        session.commit()


def test_a_workspace_admin_gets_figures_and_a_csv_and_never_anyones_words(slack, engine):
    now = datetime.now(UTC)
    seed_programme(engine, slack.emulator.team_id, now)
    slack.slash(ADMIN, "report")
    reply = slack.emulator.wait_for_response(ADMIN, "Mentoring programme report")
    text = str(reply["body"]["blocks"])
    assert "*Relationships:* 5" in text
    assert "invited: 1 · active: 2 · completed: 1 · declined: 1" in text
    # Expected by the cadences: 60 days fortnightly (4), 40 days weekly (5), and the
    # completed pair's 55 fortnightly days until it closed (3).
    assert ("*Meetings held:* 3 · the agreements expect 12 by now · 3 were booked for a "
            "time now past") in text
    assert "on time* (by each pair's agreed lead time): 67% (2 of 3)" in text
    assert "*Thanks sent:* 67% (2 of 3)" in text
    assert "*Late reschedules:* 1 (asked by mentees 1, by mentors 0)" in text
    assert "past the agreed end): 1" in text  # the weekly pair that hasn't met in 40 days
    assert "*Lapsed* (closed by mentorbot after nothing was booked or decided): 0" in text

    [upload] = slack.emulator.wait_for(lambda: slack.emulator.files_to(ADMIN))
    rows = list(csv.DictReader(io.StringIO(upload["content"].decode())))
    assert [r["state"] for r in rows] == ["active", "active", "completed", "invited",
                                          "declined"]
    busy, stalled = rows[0], rows[1]
    assert (busy["mentee"], busy["mentor"]) == (MENTEE, MENTOR)
    assert (busy["meetings_expected"], busy["meetings_due"], busy["meetings_held"],
            busy["agendas_on_time"], busy["thanks_sent"], busy["late_changes_by_mentee"],
            busy["stalled"]) == ("4", "2", "2", "1", "1", "1", "no")
    assert stalled["stalled"] == "yes" and rows[2]["ended"]
    everything = text + upload["content"].decode()
    for secret in SECRETS:
        assert secret not in everything


def test_anyone_else_is_refused_and_sees_no_figures(slack, engine):
    seed_programme(engine, slack.emulator.team_id, datetime.now(UTC))
    slack.slash(MENTOR, "report")
    refusal = slack.emulator.wait_for_response(MENTOR, "for coordinators and workspace admins")
    assert "Meetings held" not in str(refusal)
    assert slack.emulator.files_to(MENTOR) == []

"""Each person's own data: an export of everything about them (and nothing anyone else
wrote), forgetting that leaves the other side's history whole, and a deactivated user's
nudges held."""

from __future__ import annotations

import json
import time
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import (
    AgreementVersion,
    Invitation,
    Meeting,
    Nudge,
    Person,
    ReadinessAnswers,
    Relationship,
)
from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import (
    READINESS,
    TAKEAWAYS,
    book_at_six,
    log_and_thank,
    make_active,
    wait_for_home,
)

AGENDA = "Preparing my first skip-level meeting"
QUIET_OFF = {"QUIET_HOURS_START": "00:00", "QUIET_HOURS_END": "00:00"}


def a_met_pair(slack, timeline) -> None:
    """Active, one meeting held with an agenda, takeaways and thanks."""
    make_active(slack, MENTEE, MENTOR)
    starts = book_at_six(slack, MENTEE, MENTOR, (timeline.now + timedelta(days=4)).date())
    announcement = slack.emulator.wait_for_dm(MENTEE, "Mentoring session")
    slack.click(MENTEE, announcement, "send_agenda")
    slack.emulator.wait_for_view(MENTEE, "agenda")
    slack.submit(MENTEE, {"topics": AGENDA})
    slack.emulator.wait_for_dm(MENTOR, "Agenda from")
    timeline.run_due(starts + timedelta(hours=2), **QUIET_OFF)
    log_and_thank(slack, MENTEE, MENTOR, slack.emulator.wait_for_dm(MENTEE,
                                                                     "How did your session"))


def exported(slack, user: str) -> dict:
    before = len(slack.emulator.files_to(user))
    slack.slash(user, "export")
    slack.emulator.wait_for_response(user, "everything mentorbot keeps about you")
    files = slack.emulator.wait_for(lambda: len(slack.emulator.files_to(user)) > before
                                    and slack.emulator.files_to(user))
    return json.loads(files[-1]["content"])


def test_each_export_holds_the_persons_own_data_and_no_one_elses_words(clocked):
    slack, timeline = clocked
    a_met_pair(slack, timeline)

    mine = exported(slack, MENTEE)
    assert mine["readiness_answers"]["next_goal"] == READINESS["next_goal"]
    [rel] = mine["relationships"]
    assert (rel["role"], rel["other_person"], rel["state"]) == ("mentee", MENTOR, "active")
    assert rel["invitation"]["offer"] and rel["agreement_versions"]
    [meeting] = rel["meetings"]
    assert meeting["agenda"]["topics"] == AGENDA and meeting["takeaways"] == TAKEAWAYS
    assert meeting["status"] == "held" and meeting["thanks_sent_at"]
    assert {n["kind"] for n in rel["nudges_to_you"]} >= {"after_meeting"}

    theirs = exported(slack, MENTOR)
    [rel] = theirs["relationships"]
    assert (rel["role"], rel["other_person"]) == ("mentor", MENTEE)
    assert rel["meetings"][0]["status"] == "held"
    text = json.dumps(theirs)
    for words in (AGENDA, TAKEAWAYS, READINESS["next_goal"], READINESS["why_mentor"]):
        assert words not in text
    assert theirs["readiness_answers"] is None


def test_forgetting_erases_the_persons_words_and_keeps_the_other_sides_history(clocked,
                                                                                engine):
    slack, timeline = clocked
    a_met_pair(slack, timeline)
    slack.slash(MENTEE, "schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    day = (timeline.now + timedelta(days=5)).date().isoformat()
    slack.submit(MENTEE, {"date": day, "time": "18:00", "link": "https://zoom.us/j/1234567890"})
    slack.emulator.wait_for(lambda: len(slack.emulator.files_to(MENTOR)) == 2)
    slack.slash(MENTEE, "forget")
    prompt = slack.emulator.wait_for_response(MENTEE, "Forget me")
    assert "can't be undone" in str(prompt["body"]["blocks"])
    with Session(engine) as session:  # asking changes nothing
        assert session.scalars(select(Relationship.state)).one() == "active"
    slack.click_ephemeral(MENTEE, prompt, "forget_confirm")
    told = slack.emulator.wait_for_dm(MENTOR, "has left mentorbot")
    assert "Your own records stay" in told.all_text
    # His calendar drops the meeting ahead: the cancelling file, in the thread of that DM.
    assert "the calendar file in this thread" in told.text
    slack.emulator.wait_for(lambda: len(slack.emulator.files_to(MENTOR)) == 3)
    booked, cancelling = (f["content"].decode() if isinstance(f["content"], bytes)
                          else f["content"] for f in slack.emulator.files_to(MENTOR)[-2:])
    assert "METHOD:CANCEL" in cancelling and "STATUS:CANCELLED" in cancelling
    uid = next(line for line in booked.splitlines() if line.startswith("UID:"))
    assert uid in cancelling and "left mentorbot" in cancelling
    mentee_name = slack.emulator.users[MENTEE]["profile"]["display_name"]
    assert mentee_name not in cancelling
    slack.emulator.wait_for_response(MENTEE, "mentorbot has forgotten you")

    with Session(engine) as session:
        rel = session.scalars(select(Relationship)).one()
        assert rel.state == "cancelled" and rel.mentor_id == MENTOR
        assert rel.mentee_id.startswith("X") and MENTEE not in rel.mentee_id
        meeting, ahead = session.scalars(select(Meeting).order_by(Meeting.starts_at)).all()
        assert (meeting.status, meeting.thanks_sent_at is not None) == ("held", True)
        assert ahead.status == "cancelled"  # no meeting outlives its relationship
        assert meeting.agenda_topics is None and meeting.takeaways is None
        assert AGENDA not in str(session.get(Invitation, rel.id).__dict__)
        assert session.scalars(select(AgreementVersion)).all()  # shared terms stay
        assert session.get(ReadinessAnswers, (slack.emulator.team_id, MENTEE)) is None
        assert session.get(Person, (slack.emulator.team_id, MENTEE)) is None
        assert not session.scalars(select(Nudge).where(Nudge.recipient_id == MENTEE)).all()
        assert not session.scalars(select(Nudge).where(Nudge.status == "pending")).all()

    # The mentor's side: the history is whole, the person is not named.
    slack.open_home(MENTOR)
    home = wait_for_home(slack, MENTOR, "a former member", "Meetings held: 1")
    assert "Next meeting" not in home
    assert MENTEE not in home
    [rel] = exported(slack, MENTOR)["relationships"]
    assert rel["meetings"][0]["status"] == "held" and rel["other_person"].startswith("X")
    # The forgotten person starts from nothing.
    assert exported(slack, MENTEE)["relationships"] == []


def test_a_deactivated_user_has_their_relationships_nudges_held(clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    with Session(engine) as session:
        assert session.scalars(select(Nudge).where(Nudge.status == "pending")).all()
    user = dict(slack.emulator.users[MENTOR], deleted=True)
    assert slack.event({"type": "user_change", "user": user,
                        "event_ts": "1.0"}).status == 200
    slack.emulator.wait_for(lambda: "paused" in _statuses(engine)
                            and "pending" not in _statuses(engine), what="nudges paused")
    assert timeline.run_due(timeline.now + timedelta(days=60), **QUIET_OFF) == {}

    # Back again: what was held goes out, each nudge re-checked when it comes due.
    slack.event({"type": "user_change", "user": dict(user, deleted=False), "event_ts": "2.0"})
    slack.emulator.wait_for(lambda: "paused" not in _statuses(engine)
                            and "pending" in _statuses(engine), what="nudges resumed")


def test_a_late_retry_of_a_deactivation_leaves_a_person_who_is_back_alone(clocked, engine):
    slack, _ = clocked
    make_active(slack, MENTEE, MENTOR)
    gone = dict(slack.emulator.users[MENTOR], deleted=True, updated=1_800_000_000)
    back = dict(gone, deleted=False, updated=1_800_000_100)
    slack.event({"type": "user_change", "user": gone}, event_id="EvGONE")
    slack.emulator.wait_for(lambda: "paused" in _statuses(engine), what="nudges paused")
    slack.event({"type": "user_change", "user": back}, event_id="EvBACK")
    slack.emulator.wait_for(lambda: "paused" not in _statuses(engine), what="nudges resumed")

    retry = {"X-Slack-Retry-Num": "3", "X-Slack-Retry-Reason": "http_timeout"}
    assert slack.event({"type": "user_change", "user": gone}, event_id="EvGONE",
                       headers=retry).status == 200
    # Slack may also deliver an older change under its own id after a newer one.
    older = dict(gone, updated=1_800_000_050)
    assert slack.event({"type": "user_change", "user": older}).status == 200
    slack.settle()
    assert "paused" not in _statuses(engine) and "pending" in _statuses(engine)


def _statuses(engine) -> set[str]:
    with Session(engine) as session:
        return set(session.scalars(select(Nudge.status)))


def test_a_profile_change_keeps_the_cache_current_and_a_stranger_is_not_kept(clocked, engine):
    slack, _ = clocked
    make_active(slack, MENTEE, MENTOR)
    moved = dict(slack.emulator.users[MENTEE], tz="Asia/Tokyo", updated=int(time.time()))
    assert slack.event({"type": "user_change", "user": moved, "event_ts": "1.0"}).status == 200

    def tz_now():
        with Session(engine) as session:
            person = session.get(Person, (slack.emulator.team_id, MENTEE))
            return person.tz if person else None

    slack.emulator.wait_for(lambda: tz_now() == "Asia/Tokyo", what="the cached time zone")
    stranger = dict(slack.emulator.users["UFRESH003"], updated=int(time.time()))
    slack.event({"type": "user_change", "user": stranger, "event_ts": "2.0"})
    slack.settle()
    with Session(engine) as session:
        assert session.get(Person, (slack.emulator.team_id, "UFRESH003")) is None


def test_a_year_after_it_ended_its_words_are_erased_and_its_figures_kept(clocked, engine):
    """RETENTION_DAYS after a relationship closed, the dispatcher erases every word in it
    (hers and his); an open relationship's words stay, however old; and profiles nobody
    needs go after 30 days."""
    slack, timeline = clocked
    a_met_pair(slack, timeline)
    make_active(slack, "UMENTEE02", "UMENTOR02")  # still open a year on
    slack.slash(MENTOR, "end")
    slack.emulator.wait_for_view(MENTOR, "end_relationship")
    slack.submit(MENTOR, {"end_reason": "My new role leaves me no time."})
    slack.emulator.wait_for_dm(MENTEE, "has brought your mentoring to a close")
    slack.settle()
    ended = timeline.now

    timeline.run_due(ended + timedelta(days=364), **QUIET_OFF)
    with Session(engine) as session:
        rel = session.scalars(select(Relationship).where(
            Relationship.mentee_id == MENTEE)).one()
        assert rel.end_reason and rel.words_erased_at is None  # not yet a year

    timeline.run_due(ended + timedelta(days=366), **QUIET_OFF)
    with Session(engine) as session:
        closed, still_open = (session.scalars(select(Relationship).where(
            Relationship.mentee_id == who)).one() for who in (MENTEE, "UMENTEE02"))
        assert closed.words_erased_at is not None and closed.end_reason is None
        assert closed.state == "cancelled" and closed.active_at  # the report's figures
        invitation = session.get(Invitation, closed.id)
        assert "erased" in invitation.intro and "erased" in invitation.why_them
        [meeting] = session.scalars(select(Meeting).where(
            Meeting.relationship_id == closed.id)).all()
        assert (meeting.agenda_topics, meeting.takeaways, meeting.status) == (
            None, None, "held")
        assert all(v.note is None and v.terms == ["(erased after the retention period)"]
                   for v in session.scalars(select(AgreementVersion).where(
                       AgreementVersion.relationship_id == closed.id)))
        assert still_open.words_erased_at is None
        assert session.get(Invitation, still_open.id).intro not in ("", None)
        assert "erased" not in session.get(Invitation, still_open.id).intro
    # Profiles: 30 days after they were last read, only the open pair's are kept.
    timeline.run_due(ended + timedelta(days=400), **QUIET_OFF)
    with Session(engine) as session:
        kept = {p.user_id for p in session.scalars(select(Person))}
    assert MENTEE not in kept and MENTOR not in kept
    assert {"UMENTEE02", "UMENTOR02"} <= kept

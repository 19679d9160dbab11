"""A relationship ends well: completed with a reflection and a last thank-you, continued
by both with a new agreement version, or ended early by either, the other told kindly."""

from __future__ import annotations

import copy
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import AgreementVersion, Meeting, Nudge, Relationship
from tests.conftest import MENTEE, MENTOR, OTHER
from tests.e2e.flows import make_active


def relationship(engine) -> Relationship:
    with Session(engine) as session:
        return session.scalars(select(Relationship)).one()


def pending_nudges(engine) -> list[str]:
    with Session(engine) as session:
        return [n.kind for n in session.scalars(select(Nudge).where(Nudge.status == "pending"))]


def book(slack, timeline, days: int = 5) -> None:
    slack.slash(MENTEE, "schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    day = (timeline.now + timedelta(days=days)).date().isoformat()
    slack.submit(MENTEE, {"date": day, "time": "18:00", "link": "https://zoom.us/j/1234567890"})
    slack.emulator.wait_for_dm(MENTOR, "Mentoring session")


def test_the_final_session_nudge_leads_to_completion_with_a_private_reflection(clocked,
                                                                               engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    active_at = relationship(engine).active_at
    book(slack, timeline)
    assert pending_nudges(engine)

    final_due = active_at + timedelta(days=round(6 * 30.44) - 14, minutes=1)
    quiet_off = {"QUIET_HOURS_START": "00:00", "QUIET_HOURS_END": "00:00"}
    timeline.run_due(final_due, **quiet_off)
    final = slack.emulator.wait_for_dm(MENTEE, "Plan the final session")
    slack.click(MENTEE, final, "open_complete")
    slack.emulator.wait_for_view(MENTEE, "complete")
    slack.submit(MENTEE, {"reflection": "I learned to decide before I ask.",
                          "final_thanks": "Thank you for six generous months."})
    # The mentor's last message is her own thank-you, not the bot's voice; her modal, not a
    # message, tells her it is done.
    thanks = slack.emulator.wait_for_dm(MENTOR, "A final thank-you from")
    assert "six generous months" in thanks.all_text
    slack.emulator.wait_for_notice(MENTEE, "Completed: your mentoring")
    assert slack.emulator.new_messages(MENTOR)[-1] is thanks
    assert not [m for m in slack.emulator.dms(MENTOR) if "marked your mentoring" in m.text]
    everything_the_mentor_saw = " ".join(m.all_text for m in slack.emulator.dms(MENTOR))
    assert "decide before I ask" not in everything_the_mentor_saw

    rel = relationship(engine)
    assert rel.state == "completed" and rel.reflection == "I learned to decide before I ask."
    assert pending_nudges(engine) == []  # every reminder is obsolete
    assert timeline.run_due(final_due + timedelta(days=30), **quiet_off) == {}
    # The second click on the nudge is refused, not a second completion.
    slack.click(MENTEE, final, "open_complete")
    slack.emulator.wait_for_response(MENTEE, "Done already: your mentoring with")


def test_only_the_mentee_completes(clocked):
    slack, _ = clocked
    make_active(slack, MENTEE, MENTOR)
    slack.slash(MENTOR, "complete")
    slack.emulator.wait_for_response(MENTOR, "no active mentoring relationship as a mentee")
    slack.slash(OTHER, "complete")
    slack.emulator.wait_for_response(OTHER, "no active mentoring relationship")
    assert "couldn't read `someone` as a person" in slack.slash(MENTEE, "complete someone").text


def test_continuing_together_extends_the_timeline_with_a_new_agreement_version(clocked,
                                                                                engine):
    slack, _ = clocked
    make_active(slack, MENTEE, MENTOR)
    before = relationship(engine)
    slack.slash(MENTEE, f"continue <@{MENTOR}|ben>")
    slack.emulator.wait_for_view(MENTEE, "continue")
    slack.submit(MENTEE, {"extra_months": "3", "continue_note": "Next: my first hire."})
    ask = slack.emulator.wait_for_dm(MENTOR, "would like to continue")
    assert "my first hire" in ask.all_text
    slack.click(OTHER, ask, "continue_confirm")  # a stranger's click changes nothing
    slack.emulator.wait_for_response(OTHER, "someone else's mentoring relationship")
    stale = copy.deepcopy(ask)  # as a second device still shows it
    slack.click(MENTOR, ask, "continue_confirm")
    told = slack.emulator.wait_for_dm(MENTEE, "Continued:")
    assert "3 more months" in told.all_text
    slack.emulator.wait_for(lambda: "Continued:" in ask.all_text)

    rel = relationship(engine)
    assert (rel.state, rel.months) == ("active", before.months + 3)
    with Session(engine) as session:
        versions = session.scalars(select(AgreementVersion).order_by(
            AgreementVersion.version)).all()
        assert [v.months for v in versions] == [before.months, before.months + 3]
        assert versions[-1].mentee_confirmed_at and versions[-1].mentor_confirmed_at
        finals = session.scalars(select(Nudge.subject).where(
            Nudge.kind == "final_session", Nudge.status == "pending")).all()
        assert len(finals) == 1  # the new end date's nudge; the old one is obsolete
    slack.click(MENTOR, stale, "continue_confirm")
    slack.emulator.wait_for_response(MENTOR, "Done already")


def test_ending_a_pending_invitation_points_to_the_invitation(slack):
    from tests.e2e.flows import invite

    invite(slack, MENTEE, MENTOR)
    slack.slash(MENTEE, "end")
    refusal = slack.emulator.wait_for_response(MENTEE, "no agreed or active mentoring")
    assert "withdrawn or declined on the invitation itself" in str(refusal["body"])
    assert slack.emulator.top_view(MENTEE) is None


def test_either_side_may_end_early_and_the_other_is_told_kindly(clocked, engine):
    slack, timeline = clocked
    make_active(slack, MENTEE, MENTOR)
    book(slack, timeline)
    slack.slash(MENTOR, "end")
    slack.emulator.wait_for_view(MENTOR, "end_relationship")
    slack.submit(MENTOR, {"end_reason": "My new role leaves me no time."})
    told = slack.emulator.wait_for_dm(MENTEE, "has brought your mentoring to a close")
    assert "no time" not in told.all_text  # the reason stays with the mentor
    assert "`/mentor find`" in told.all_text  # her next step, hers to start
    # He who ended it reads it in the form he used, not in a new message.
    slack.emulator.wait_for_notice(MENTOR, "Ended: your mentoring with")
    assert not [m for m in slack.emulator.dms(MENTOR) if "Ended:" in m.text]
    slack.emulator.wait_for_dm(MENTEE, "Cancelled: mentoring session")
    slack.emulator.wait_for(lambda: len(slack.emulator.files_to(MENTEE)) == 2)
    rel = relationship(engine)
    assert (rel.state, rel.ended_by, rel.end_reason) == (
        "cancelled", "mentor", "My new role leaves me no time.")
    with Session(engine) as session:
        assert session.scalars(select(Meeting.status)).all() == ["cancelled"]
    assert pending_nudges(engine) == []


def test_a_mentor_may_decline_to_continue_and_nothing_changes(clocked, engine):
    slack, _ = clocked
    make_active(slack, MENTEE, MENTOR)
    months = relationship(engine).months
    slack.slash(MENTEE, "continue")
    slack.emulator.wait_for_view(MENTEE, "continue")
    slack.submit(MENTEE, {"extra_months": "2"})
    ask = slack.emulator.wait_for_dm(MENTOR, "would like to continue")
    slack.click(MENTOR, ask, "continue_decline")
    told = slack.emulator.wait_for_dm(MENTEE, "would rather not continue")
    assert "/mentor complete" in told.all_text
    slack.emulator.wait_for(lambda: "chose not to continue" in ask.all_text)
    rel = relationship(engine)
    assert (rel.state, rel.months, rel.continue_months) == ("active", months, None)

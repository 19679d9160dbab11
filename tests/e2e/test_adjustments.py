"""Adjustments along the way: once active, either side proposes a change to the agreed
terms, the other confirms it, and the rhythm of the nudges follows the new version."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Nudge, Relationship
from tests.conftest import MENTEE, MENTOR, OTHER
from tests.e2e.flows import make_active


def rhythm_due(engine):
    with Session(engine) as session:
        return session.scalars(select(Nudge.due_at).where(
            Nudge.kind == "keep_rhythm", Nudge.subject == "rhythm:0",
            Nudge.status == "pending")).one()


def relationship(engine) -> Relationship:
    with Session(engine) as session:
        return session.scalars(select(Relationship)).one()


def open_change_form(slack, user: str) -> dict:
    slack.slash(user, "agreement")
    shown = slack.emulator.wait_for_response(user, "Your agreed terms")
    slack.click_ephemeral(user, shown, "open_agreement")
    return slack.emulator.wait_for_view(user, "agreement")


def test_a_change_proposed_while_active_is_confirmed_and_the_rhythm_follows_it(slack, engine):
    make_active(slack, MENTEE, MENTOR)
    active_at = relationship(engine).active_at
    assert rhythm_due(engine) == active_at + timedelta(days=14)

    form = open_change_form(slack, MENTEE)
    assert form["title"]["text"] == "Change the agreement"
    slack.submit(MENTEE, {"cadence": "weekly", "own_terms": "We walk while we talk <!channel>",
                          "agreement_note": "Things move fast this quarter."})
    slack.emulator.wait_for_notice(MENTEE, "Proposed the change")
    proposal = slack.emulator.wait_for_dm(MENTOR, "proposes a change to your agreement")
    shown = slack.emulator.seen_by(proposal, MENTOR)
    assert "meet every week (was every two weeks)" in shown
    assert "added: We walk while we talk &lt;!channel&gt;" in shown
    # Only what changes: not the whole agreement again.
    assert "kept in confidence" not in shown
    assert relationship(engine).cadence == "biweekly"  # until he confirms

    # Nobody outside the pair confirms it.
    slack.click(OTHER, proposal, "agreement_confirm")
    slack.emulator.wait_for_response(OTHER, "someone else's mentoring relationship")
    assert relationship(engine).cadence == "biweekly"

    before = len(slack.emulator.new_messages(MENTOR))
    slack.click(MENTOR, proposal, "agreement_confirm")
    slack.emulator.wait_for_dm(MENTEE, "confirmed your change to the agreement")
    updated = slack.emulator.wait_for_dm(MENTOR, "confirmed by both, from now on")
    assert updated.ts == proposal.ts  # in place, for both
    assert len(slack.emulator.new_messages(MENTOR)) == before
    rel = relationship(engine)
    assert rel.cadence == "weekly"
    assert rhythm_due(engine) == active_at + timedelta(days=7)

    slack.slash(MENTEE, "agreement")
    terms = str(slack.emulator.wait_for_response(MENTEE, "(version 2)")["body"])
    assert "We meet every week for 45 minutes" in terms and "every two weeks" not in terms

    # The mentor may suggest one too; a form that changes nothing is refused inline.
    open_change_form(slack, MENTOR)
    reply = slack.submit(MENTOR, {})
    assert "as it stands" in str(reply.json["errors"])

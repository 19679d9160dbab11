"""The expectations agreement, end to end: written, edited, confirmed, and in force."""

from __future__ import annotations

import copy
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import AgreementVersion, Relationship
from tests.conftest import MENTEE, MENTOR, OTHER
from tests.e2e.flows import invite, relationships, transitions
from tests.e2e.test_nudges import run_due


def agreed(slack):
    invitation = invite(slack, MENTEE, MENTOR)
    slack.click(MENTOR, invitation, "invite_accept")
    return slack.emulator.wait_for_dm(MENTEE, "accepted your invitation")


def send_agreement(slack, **fill):
    prompt = agreed(slack)
    slack.click(MENTEE, prompt, "open_agreement")
    view = slack.emulator.wait_for_view(MENTEE, "agreement")
    reply = slack.submit(MENTEE, fill)
    assert reply.status == 200 and reply.body in ("", "{}"), reply.body
    sent = slack.emulator.wait_for_dm(MENTOR, "sent the terms for your mentoring")
    slack.settle()  # the app remembers where it said it, after the message
    return view, sent


def test_written_confirmed_and_in_force(slack, engine):
    view, terms = send_agreement(slack, term_5="", reschedule_hours="48",
                                 own_terms="We share one article a month")
    inputs = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert inputs["cadence"]["initial_option"]["value"] == "biweekly"  # from the invitation
    assert "kept in confidence" in inputs["term_1"]["initial_value"]
    assert "finding the mentee a job is not the mentor's role" in inputs["term_7"][
        "initial_value"]
    assert "Personal information" not in terms.all_text  # removed
    assert "We share one article a month" in terms.all_text  # added
    assert "48 hours ahead" in terms.all_text

    slack.click(MENTOR, terms, "agreement_confirm")
    # The version both read becomes the welcome, in place, in the pair's conversation: the
    # terms once, for both, and no new message to the mentor who just confirmed.
    slack.emulator.wait_for(lambda: "Your mentoring has begun" in terms.all_text)
    assert "We share one article a month" in terms.all_text
    assert set(terms.members) == {MENTEE, MENTOR}
    slack.emulator.wait_for_dm(MENTEE, "schedule your first meeting")
    [rel] = relationships(engine)
    assert (rel.state, rel.cadence, rel.minutes, rel.months, rel.reschedule_notice_hours,
            rel.agenda_lead_days) == ("active", "biweekly", 45, 6, 48, 2)
    assert transitions(engine)[-1] == (MENTOR, "activate", "agreed", "active")

    slack.slash(MENTEE, "agreement")
    shown = slack.emulator.wait_for_response(MENTEE, "Your agreed terms")
    assert "We share one article a month" in str(shown["body"]["blocks"])
    slack.slash(OTHER, "agreement")
    slack.emulator.wait_for_response(OTHER, "no accepted mentoring relationship")


def test_one_round_of_suggested_edits(slack, engine):
    _, terms = send_agreement(slack)
    slack.click(MENTOR, terms, "agreement_edit")
    slack.emulator.wait_for_view(MENTOR, "agreement")
    slack.submit(MENTOR, {"minutes": "30", "agreement_note": "Thirty minutes keeps us sharp."})
    edits = slack.emulator.wait_for_dm(MENTEE, "suggested edits to the agreement")
    assert "Thirty minutes keeps us sharp" in edits.all_text
    slack.emulator.wait_for(lambda: "replaced by version 2" in terms.all_text)

    slack.click(MENTEE, edits, "agreement_confirm")
    slack.emulator.wait_for_dm(MENTOR, "Your mentoring has begun")
    [rel] = relationships(engine)
    assert (rel.state, rel.minutes) == ("active", 30)
    with Session(engine) as session:
        versions = session.scalars(select(AgreementVersion).order_by(AgreementVersion.version))
        assert [(v.version, v.author_role) for v in versions] == [(1, "mentee"), (2, "mentor")]


def test_confirming_an_outdated_version_changes_nothing(slack, engine):
    _, first = send_agreement(slack)
    stale = copy.deepcopy(first)  # as a second device still shows it
    slack.slash(MENTEE, "agreement")  # the mentee revises before the mentor answers
    slack.emulator.wait_for_view(MENTEE, "agreement")
    slack.submit(MENTEE, {"agenda_days": "3"})
    slack.emulator.wait_for_dm(MENTOR, "(version 2)")
    # The first version says it was replaced, its buttons gone; a copy kept elsewhere is
    # refused when clicked.
    slack.emulator.wait_for(lambda: "replaced by version 2" in first.all_text)
    slack.click(MENTOR, stale, "agreement_confirm")
    slack.emulator.wait_for_response(MENTOR, "replaced by version 2")
    assert relationships(engine)[0].state == "agreed"


def test_nobody_else_can_confirm_and_empty_terms_are_refused(slack, engine):
    prompt = agreed(slack)
    slack.click(MENTEE, prompt, "open_agreement")
    view = slack.emulator.wait_for_view(MENTEE, "agreement")
    cleared = {b["block_id"]: "" for b in view["blocks"]
               if b.get("block_id", "").startswith("term_")}
    reply = slack.submit(MENTEE, cleared)
    assert "at least one term" in reply.json["errors"]["term_1"]
    slack.submit(MENTEE)
    terms = slack.emulator.wait_for_dm(MENTOR, "sent the terms")
    slack.click(OTHER, terms, "agreement_confirm")
    slack.emulator.wait_for_response(OTHER, "belongs to someone else")
    assert relationships(engine)[0].state == "agreed"


def test_agreement_nudges_the_mentee_then_offers_one_reminder(slack, engine, database_url,
                                                                tmp_path):
    prompt = agreed(slack)
    with Session(engine) as session:
        agreed_at = session.scalars(select(Relationship.agreed_at)).one()
    # Noon in Berlin, two days and a bit after the acceptance.
    later = agreed_at.replace(hour=11, minute=0) + timedelta(days=3)
    assert run_due(slack, database_url, tmp_path, later) == {"sent": 1}
    nudge = slack.emulator.wait_for_dm(MENTEE, "put your expectations in writing")
    assert "open_agreement" in str(nudge.blocks)

    slack.click(MENTEE, prompt, "open_agreement")
    slack.emulator.wait_for_view(MENTEE, "agreement")
    slack.submit(MENTEE)
    slack.emulator.wait_for_dm(MENTOR, "sent the terms")
    assert run_due(slack, database_url, tmp_path, later + timedelta(days=3)) == {"sent": 1}
    unconfirmed = slack.emulator.wait_for_dm(MENTEE, "hasn't confirmed the agreement")
    payload = slack.click_payload(MENTEE, unconfirmed, "agreement_remind")
    slack.send_interactive(payload)
    slack.emulator.wait_for_dm(MENTOR, "check in gently about the mentoring agreement")
    slack.send_interactive(payload)
    slack.emulator.wait_for_response(MENTEE, "one reminder is enough")
    reminders = [m for m in slack.emulator.dms(MENTOR) if "check in gently" in m.text]
    assert len(reminders) == 1

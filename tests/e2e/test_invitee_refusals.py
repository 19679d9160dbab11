"""Who cannot be invited, each refused inline with a specific message and no row written."""

from __future__ import annotations

import pytest

from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import compose, get_ready, invite, relationships


@pytest.mark.parametrize(("mentor", "message"), [
    (MENTEE, "can't be your own mentor"),
    ("UWORKFLOW", "is an app, not a person"),
    ("UGONE0001", "account is deactivated"),
    ("UNOBODY01", "can't find that person"),
    ("UFOREIGN1", "belongs to another workspace"),
])
def test_who_cannot_be_invited(slack, engine, mentor, message):
    get_ready(slack, MENTEE)
    reply = compose(slack, MENTEE, mentor)
    assert reply.json["response_action"] == "errors"
    assert message in reply.json["errors"]["mentor"]
    assert relationships(engine) == []


def test_no_second_open_relationship_with_the_same_person_either_way(slack, engine):
    invite(slack, MENTEE, MENTOR)
    again = compose(slack, MENTEE, MENTOR)
    assert "already have an open mentoring relationship" in again.json["errors"]["mentor"]
    get_ready(slack, MENTOR)
    reverse = compose(slack, MENTOR, MENTEE)
    assert "already have an open" in reverse.json["errors"]["mentor"]
    assert len(relationships(engine)) == 1


def test_a_mentor_at_the_limit_cannot_be_invited(slack, engine):
    busy = "UMENTOR02"
    for mentee in (MENTEE, "UMENTEE02", "UMENTEE03"):
        invite(slack, mentee, busy)
    get_ready(slack, "UMENTEE04")
    reply = compose(slack, "UMENTEE04", busy)
    # All three places are held by invitations he hasn't answered: she is told they may open.
    said = reply.json["errors"]["mentor"]
    assert "the most this workspace allows" in said
    assert "3 are held by invitations they haven't answered yet" in said
    assert len(relationships(engine)) == 3


def test_sending_the_same_preview_twice_sends_one_invitation(slack, engine):
    get_ready(slack, MENTEE)
    compose(slack, MENTEE, MENTOR)
    payload = slack.submit_payload(MENTEE)
    first = slack.send_interactive(payload)
    second = slack.send_interactive(payload)
    assert first.json == {"response_action": "clear"}
    assert second.json["response_action"] == "update"
    assert "this invitation has been sent" in str(second.json["view"]["blocks"])
    slack.emulator.wait_for_dm(MENTOR, "A mentoring invitation")
    assert len(relationships(engine)) == 1
    invitations = [m for m in slack.emulator.dms(MENTOR) if "A mentoring invitation" in m.all_text]
    assert len(invitations) == 1

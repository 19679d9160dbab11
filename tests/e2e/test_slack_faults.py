"""When Slack pushes back (429, 500, slow), messages still arrive once."""

from __future__ import annotations

import time

from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import WHY_THEM, compose, get_ready, relationships


def _send_invitation(slack) -> None:
    get_ready(slack, MENTEE)
    compose(slack, MENTEE, MENTOR)
    assert slack.submit(MENTEE).json == {"response_action": "clear"}


def test_a_rate_limited_dm_waits_for_retry_after_and_arrives_once(slack):
    slack.emulator.fail("chat.postMessage", status=429, retry_after=1)
    _send_invitation(slack)
    slack.emulator.wait_for_dm(MENTOR, "A mentoring invitation")
    posts = slack.emulator.calls_to("chat.postMessage")
    limited = [c for c in posts if c.error == "ratelimited"]
    delivered = [c for c in posts if c.error is None and c.params["channel"] == MENTOR]
    assert len(limited) == 1 and len(delivered) == 1
    assert delivered[0].at - limited[0].at >= 1.0, "sent again before Retry-After"


def test_a_server_error_is_retried(slack):
    slack.emulator.fail("chat.postMessage", status=500)
    _send_invitation(slack)
    slack.emulator.wait_for_dm(MENTOR, "A mentoring invitation")
    assert len([m for m in slack.emulator.dms(MENTOR)]) == 1


def test_a_slow_slack_does_not_delay_the_acknowledgement(slack, engine):
    """The click is acknowledged while Slack is still busy with the message update."""
    from tests.e2e.flows import invite

    invitation = invite(slack, MENTEE, MENTOR)
    slack.emulator.slow("chat.update", 3.0)  # under the client timeout of 5 s
    reply = slack.click(MENTOR, invitation, "invite_accept")
    assert reply.status == 200
    assert not invitation.history, "the acknowledgement waited for Slack"
    slack.emulator.wait_for(lambda: invitation.history, timeout=10)
    assert relationships(engine)[0].state == "agreed"


def test_an_invitation_slack_cannot_deliver_is_withdrawn_and_the_mentee_told(slack, engine):
    get_ready(slack, MENTEE)
    compose(slack, MENTEE, MENTOR)
    slack.emulator.fail("chat.postMessage", status=200, error="account_inactive")
    assert slack.submit(MENTEE).json == {"response_action": "clear"}
    told = slack.emulator.wait_for_dm(MENTEE, "couldn't deliver your invitation")
    assert "account is deactivated" in told.text
    slack.emulator.wait_for(lambda: relationships(engine)[0].state == "withdrawn")
    assert not [m for m in slack.emulator.dms(MENTEE) if "on its way" in m.text]


def test_a_rate_limited_lookup_before_the_answer_fails_fast_with_a_clear_message(slack, engine):
    mentee, mentor = "UFRESH001", "UFRESH002"  # nobody the server has looked up yet
    get_ready(slack, mentee)
    slack.slash(mentee, f"invite <@{mentor}|kai>")
    slack.emulator.wait_for_view(mentee, "invite_compose")
    slack.emulator.wait_for(lambda: slack.emulator.calls_to("users.info"))  # mentee warmed
    slack.emulator.fail("users.info", status=429, retry_after=30)
    reply = slack.submit(mentee, {"logistics": ["yes"], "why_them": WHY_THEM,
                                  "offer": "Notes from each session that you can reuse with "
                                           "your own team"})
    # Waiting out Retry-After would lose the request: Slack gives up after three seconds.
    assert "couldn't check this person with Slack" in reply.json["errors"]["mentor"]
    assert relationships(engine) == []
    assert [c.error for c in slack.emulator.calls_to("users.info")] == [None, "ratelimited"]


def test_a_slow_profile_lookup_answers_the_composer_in_time_with_try_again(slack, engine):
    """Past the budget before the answer, the person is told to try again, not left to
    Slack's own timeout; the lookup finishes in the background for the next try."""
    get_ready(slack, MENTEE)
    # Over the answer budget (1.5 s), and well under the lookup timeout (2 s).
    slack.emulator.slow("users.info", 1.7, times=20)
    refused = compose(slack, MENTEE, "UFRESH003")
    assert "Try again in a moment" in refused.json["errors"]["mentor"]
    slack.emulator.wait_for(lambda: len(slack.emulator.calls_to("users.info")) >= 1)
    # Tried again as a person would, a few seconds later: not inside the emulator's
    # wait_for, which holds the emulator while it asks.
    deadline = time.monotonic() + 15
    while compose(slack, MENTEE, "UFRESH003").json.get("response_action") != "push":
        assert time.monotonic() < deadline, "the next try never got through"
        time.sleep(0.5)
    assert relationships(engine) == []


def test_a_retry_after_given_to_another_process_holds_this_ones_dms(slack, engine):
    """The dispatcher was told to wait; a listener's DM waits too, then arrives once."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy.orm import Session

    from bot.db.models import RateLimitHold

    get_ready(slack, MENTEE)
    assert compose(slack, MENTEE, MENTOR).json.get("response_action") == "push"
    until = datetime.now(UTC) + timedelta(seconds=3)
    with Session(engine) as session, session.begin():
        session.add(RateLimitHold(team_id="", method="chat.postMessage", not_before=until))
    time.sleep(1.1)  # a listener may reuse what it read of the holds for a second
    slack.submit(MENTEE)  # the preview's Send: the invitation DM goes after the ack
    slack.emulator.wait_for_dm(MENTOR, "A mentoring invitation")
    [sent] = [c for c in slack.emulator.calls_to("chat.postMessage")
              if "invites you" in c.params.get("text", "")]
    assert sent.at >= until.timestamp() and sent.error is None

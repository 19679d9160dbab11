"""When Slack pushes back (429, 500, slow), messages still arrive once."""

from __future__ import annotations

from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import compose, get_ready, relationships


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
    slack.emulator.slow("chat.update", 3.0)
    reply = slack.click(MENTOR, invitation, "invite_accept")
    assert reply.status == 200
    assert not invitation.history, "the acknowledgement waited for Slack"
    slack.emulator.wait_for(lambda: invitation.history, timeout=10)
    assert relationships(engine)[0].state == "agreed"

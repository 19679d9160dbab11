"""Nudges end to end: planned by the invitation, dispatched by `mentorbot run-due --at`."""

from __future__ import annotations

import copy
import itertools
import subprocess
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Invitation, Nudge
from slack_emulator.app_process import run_due_outcome
from tests.conftest import MENTEE, MENTOR, free_port, mentorbot_command, server_env
from tests.e2e.flows import invite, relationships, transitions

# Ana is in Berlin: her reply-by ends at 23:59 there, inside quiet hours (21:00-08:00).
UNTIL_MORNING = timedelta(hours=8, minutes=2)


def run_due(slack, database_url, tmp_path, at: datetime, **env) -> dict[str, int]:
    result = subprocess.run(
        [*mentorbot_command(), "run-due", "--at", at.isoformat()], cwd=tmp_path,
        env=server_env(slack.emulator, database_url, free_port(), **env),
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return run_due_outcome(result.stdout)


def reply_by_at(engine) -> datetime:
    with Session(engine) as session:
        return session.get(Invitation, relationships(engine)[0].id).reply_by_at


def outbox(engine) -> dict[str, str]:
    with Session(engine) as session:
        return {n.kind: n.status for n in session.scalars(select(Nudge))}


def nudges_to(slack, user, text):
    return [m for m in slack.emulator.dms(user) if text in m.all_text]


def test_reply_by_check_waits_for_morning_then_goes_out_once(slack, engine, database_url,
                                                             tmp_path):
    invite(slack, MENTEE, MENTOR)
    due = reply_by_at(engine)
    assert run_due(slack, database_url, tmp_path, due - timedelta(minutes=1)) == {}
    assert run_due(slack, database_url, tmp_path, due + timedelta(minutes=1)) == {"deferred": 1}
    assert nudges_to(slack, MENTEE, "hasn't answered") == []

    morning = due + UNTIL_MORNING
    assert run_due(slack, database_url, tmp_path, morning) == {"sent": 1}
    [nudge] = nudges_to(slack, MENTEE, "hasn't answered your mentoring invitation")
    assert "23:59 CET" in nudge.all_text  # her reply-by, in her time zone
    assert nudge.metadata["event_payload"]["nudge_id"]
    assert run_due(slack, database_url, tmp_path, morning + timedelta(hours=1)) == {}
    assert len(nudges_to(slack, MENTEE, "hasn't answered")) == 1


def test_quiet_hours_are_judged_at_the_moment_of_sending_not_at_the_start_of_the_run(
        slack, engine, database_url, tmp_path):
    from bot.db.models import Person

    invite(slack, MENTEE, MENTOR)
    berlin = ZoneInfo("Europe/Berlin")
    due = reply_by_at(engine)  # 23:59 in Berlin
    midnight = datetime.combine(due.astimezone(berlin).date() + timedelta(days=1),
                                datetime.min.time(), tzinfo=berlin)
    slack.settle()  # the Homes refreshed after the invitation read the profiles
    with Session(engine) as session, session.begin():
        session.query(Person).delete()  # the profile must be asked of Slack again...
    slack.emulator.slow("users.info", 1.5)  # ...which answers after midnight
    quiet_from_midnight = {"QUIET_HOURS_START": "00:00", "QUIET_HOURS_END": "08:00"}
    assert run_due(slack, database_url, tmp_path, midnight - timedelta(seconds=1),
                   **quiet_from_midnight) == {"deferred": 1}
    assert nudges_to(slack, MENTEE, "hasn't answered") == []


def test_the_mentee_sends_one_polite_follow_up_from_the_nudge(slack, engine, database_url,
                                                               tmp_path):
    invite(slack, MENTEE, MENTOR)
    run_due(slack, database_url, tmp_path, reply_by_at(engine) + UNTIL_MORNING)
    [nudge] = nudges_to(slack, MENTEE, "hasn't answered")
    kept = copy.deepcopy(nudge)  # as a second device still shows it
    # Hers to write: a kind draft she may edit, sent in her words.
    slack.click(MENTEE, nudge, "follow_up")
    view = slack.emulator.wait_for_view(MENTEE, "follow_up")
    assert "check in gently" in str(view["blocks"])
    mine = "Hi Ben, just checking in on my invitation <!channel>; no rush at all. Thank you!"
    slack.submit(MENTEE, {"follow_up_text": mine})
    follow_up = slack.emulator.wait_for_dm(MENTOR, "A follow-up from")
    assert "<@UMENTEE01>" in follow_up.text
    assert "just checking in on my invitation &lt;!channel&gt;" in follow_up.all_text
    slack.emulator.wait_for(lambda: "Sent a polite follow-up" in nudge.all_text)
    # Once only: a second try is refused inline, and nothing more reaches him.
    slack.click(MENTEE, kept, "follow_up")
    slack.emulator.wait_for_view(MENTEE, "follow_up")
    again = slack.submit(MENTEE, {"follow_up_text": "Me again, checking once more."})
    assert "one is enough" in again.json["errors"]["follow_up_text"]
    assert len(nudges_to(slack, MENTOR, "A follow-up from")) == 1

    # He answers from the follow-up itself: both it and the invitation say so, in place.
    assert "Suggest changes" in follow_up.all_text
    invitation = slack.emulator.wait_for_dm(MENTOR, "A mentoring invitation")
    slack.click(MENTOR, follow_up, "invite_accept")
    slack.emulator.wait_for_dm(MENTEE, "accepted your invitation")
    for message in (follow_up, invitation):
        slack.emulator.wait_for(lambda m=message: "You accepted" in m.all_text
                                and not any(b["type"] == "actions" for b in m.blocks))
    assert "just checking in" in follow_up.all_text  # her words stay


def test_the_follow_up_on_a_conversation_offers_only_its_own_answers(
        slack, engine, database_url, tmp_path):
    invite(slack, MENTEE, MENTOR, ask="conversation", minutes="45")
    run_due(slack, database_url, tmp_path, reply_by_at(engine) + UNTIL_MORNING)
    [nudge] = nudges_to(slack, MENTEE, "hasn't answered")
    slack.click(MENTEE, nudge, "follow_up")
    view = slack.emulator.wait_for_view(MENTEE, "follow_up")
    assert "Accept or Decline" in str(view) and "Suggest changes" not in str(view)
    slack.submit(MENTEE)
    follow_up = slack.emulator.wait_for_dm(MENTOR, "A follow-up from")
    kinds = {e["action_id"] for b in follow_up.blocks for e in b.get("elements", [])}
    assert kinds == {"invite_accept", "invite_decline"}


def test_an_unanswered_invitation_expires_kindly(slack, engine, database_url, tmp_path):
    invitation = invite(slack, MENTEE, MENTOR)
    expiry = reply_by_at(engine) + timedelta(days=7) + UNTIL_MORNING
    outcome = run_due(slack, database_url, tmp_path, expiry)
    assert outcome == {"sent": 2}  # the reply-by check, late, and the expiry
    told = slack.emulator.wait_for_dm(MENTEE, "has expired")
    assert "not a no to you" in told.all_text
    assert "expired" in invitation.all_text and not any(
        b["type"] == "actions" for b in invitation.blocks)
    assert transitions(engine)[-1] == ("mentorbot", "expire", "invited", "expired")
    assert run_due(slack, database_url, tmp_path, expiry + timedelta(days=1)) == {}


def test_an_answered_invitation_is_never_nudged(slack, engine, database_url, tmp_path):
    invitation = invite(slack, MENTEE, MENTOR)
    slack.click(MENTOR, invitation, "invite_accept")
    slack.emulator.wait_for_dm(MENTEE, "accepted your invitation")
    # The agreement is the next step, and a yes it never follows closes in three weeks.
    assert outbox(engine) == {"reply_by_check": "obsolete", "invitation_expiry": "obsolete",
                              "agreement_not_sent": "pending", "agreement_last_call": "pending",
                              "lapse": "pending"}
    assert nudges_to(slack, MENTEE, "hasn't answered") == []


def test_rate_limited_nudges_wait_for_retry_after_and_arrive_once(slack, engine, database_url,
                                                                  tmp_path):
    mentees = [MENTEE, "UMENTEE02", "UMENTEE03"]
    for mentee in mentees:
        invite(slack, mentee, "UMENTOR02" if mentee != MENTEE else MENTOR)
        slack.emulator.wait_for_dm(mentee, "on its way")  # no DM of the flow still in flight
    due = max(reply_by_at_of(engine)) + UNTIL_MORNING
    # A burst of 429s: each Retry-After (real seconds) holds every dispatcher's sends, and
    # the nudges it stopped are released to a later run instead of blocking this one.
    slack.emulator.fail("chat.postMessage", status=429, retry_after=1, times=5)
    outcomes: list[dict[str, int]] = []
    for step in range(12):
        outcomes.append(run_due(slack, database_url, tmp_path, due + timedelta(minutes=step)))
        if sum(o.get("sent", 0) for o in outcomes) == 3:
            break
        time.sleep(1.05)
    assert outcomes[0].get("rate_limited", 0) >= 1
    assert sum(o.get("sent", 0) for o in outcomes) == 3
    for mentee in mentees:
        assert len(nudges_to(slack, mentee, "hasn't answered")) == 1
    posts = slack.emulator.calls_to("chat.postMessage")
    limited = [c for c in posts if c.error]
    assert len(limited) == 5
    for refused, after in itertools.pairwise(posts):
        if refused.error:
            assert after.at - refused.at >= 1.0, "called again inside the Retry-After"


def reply_by_at_of(engine) -> list[datetime]:
    with Session(engine) as session:
        return [i.reply_by_at for i in session.scalars(select(Invitation))]

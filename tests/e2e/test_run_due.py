"""`mentorbot run-due --at`: the scheduler's dispatcher, run once at a chosen instant."""

from __future__ import annotations

import subprocess
from datetime import timedelta

from sqlalchemy.orm import Session

from bot.db.models import Invitation
from tests.conftest import MENTEE, MENTOR, free_port, mentorbot_command, server_env
from tests.e2e.flows import invite, relationships, transitions


def run_due(emulator, database_url, tmp_path, at) -> subprocess.CompletedProcess:
    env = server_env(emulator, database_url, free_port())
    return subprocess.run([*mentorbot_command(), "run-due", "--at", at.isoformat()],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)


def test_an_unanswered_invitation_expires_after_the_grace_period(slack, engine, database_url,
                                                                   tmp_path):
    invitation = invite(slack, MENTEE, MENTOR)
    with Session(engine) as session:
        reply_by_at = session.get(Invitation, relationships(engine)[0].id).reply_by_at

    early = run_due(slack.emulator, database_url, tmp_path, reply_by_at + timedelta(days=6))
    assert early.returncode == 0 and "expire_unanswered_invitations=0" in early.stdout
    assert relationships(engine)[0].state == "invited"

    due = run_due(slack.emulator, database_url, tmp_path, reply_by_at + timedelta(days=7, hours=1))
    assert due.returncode == 0, due.stderr
    assert "expire_unanswered_invitations=1" in due.stdout
    told = slack.emulator.wait_for_dm(MENTEE, "has expired")
    assert "not a no to you" in told.all_text
    assert "expired" in invitation.all_text and not any(
        b["type"] == "actions" for b in invitation.blocks)
    assert transitions(engine)[-1] == ("mentorbot", "expire", "invited", "expired")

    again = run_due(slack.emulator, database_url, tmp_path, reply_by_at + timedelta(days=8))
    assert "expire_unanswered_invitations=0" in again.stdout
    assert len([m for m in slack.emulator.dms(MENTEE) if "has expired" in m.text]) == 1

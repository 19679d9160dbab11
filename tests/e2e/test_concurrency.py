"""Simultaneous clicks and Slack retries make one transition, never two."""

from __future__ import annotations

import contextlib
import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select, text

from bot.db.models import Relationship
from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import invite, relationships, transitions

CLICKS = 8


@contextlib.contextmanager
def row_held_until_all_wait(engine, relationship_id: int, waiters: int):
    """On PostgreSQL, hold the row so every click reads it, then all write at once.

    Without this the clicks might happen to run one after another and prove nothing.
    """
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as holder:
        transaction = holder.begin()
        holder.execute(select(Relationship.id).where(Relationship.id == relationship_id)
                       .with_for_update())
        yield
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with engine.connect() as probe:
                blocked = probe.scalar(text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE wait_event_type = 'Lock' AND datname = current_database()"))
            if blocked >= waiters:
                break
            time.sleep(0.05)
        assert blocked >= waiters, f"only {blocked} clicks reached the row at once"
        transaction.rollback()


def test_concurrent_clicks_on_accept_make_one_transition(slack, engine, server):
    invitation = invite(slack, MENTEE, MENTOR)
    [rel] = relationships(engine)
    payloads = [slack.click_payload(MENTOR, invitation, "invite_accept") for _ in range(CLICKS)]
    with ThreadPoolExecutor(CLICKS) as pool, row_held_until_all_wait(engine, rel.id, CLICKS):
        replies = list(pool.map(slack.send_interactive, payloads))
    assert {reply.status for reply in replies} == {200}

    slack.emulator.wait_for_dm(MENTEE, "accepted your invitation")
    slack.emulator.wait_for(
        lambda: len([r for r in slack.emulator.responses if r["user"] == MENTOR]) == CLICKS - 1,
        what="'done already' for every other click")
    assert [t[1] for t in transitions(engine)] == ["invite", "accept"]
    assert relationships(engine)[0].state == "agreed"
    told = [m for m in slack.emulator.dms(MENTEE) if "accepted your invitation" in m.text]
    assert len(told) == 1
    if engine.dialect.name == "postgresql":
        assert server.log().count("accept lost a race") >= CLICKS - 1


def test_accept_and_withdraw_racing_leave_exactly_one_answer(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)
    [rel] = relationships(engine)
    accept = slack.click_payload(MENTOR, invitation, "invite_accept")
    confirmation = slack.emulator.wait_for_dm(MENTEE, "on its way")
    withdraw = slack.click_payload(MENTEE, confirmation, "invite_withdraw")
    with ThreadPoolExecutor(2) as pool, row_held_until_all_wait(engine, rel.id, 2):
        list(pool.map(slack.send_interactive, [accept, withdraw]))
    slack.emulator.wait_for(lambda: relationships(engine)[0].state != "invited")
    slack.emulator.wait_for(lambda: slack.emulator.responses, what="the loser is told")
    moves = [t[1] for t in transitions(engine)]
    assert moves in (["invite", "accept"], ["invite", "withdraw"])

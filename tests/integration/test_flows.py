"""Flows and the dispatcher's delivery, on the database, with a fake Slack port: who is
told what and where, and what each refusal of Slack's comes to. No HTTP, no emulator."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.db.engine import make_session_factory
from bot.db.models import Nudge, Person, Relationship
from bot.domain.nudges.delivery import DeliveryOutcome
from bot.domain.relationship import Action, State
from bot.flows import invitations as invitation_flows
from bot.flows.deps import Deps
from bot.services import invitations, nudges
from bot.slack.web_port import WebPort
from bot.support.settings import load_settings
from scheduler.delivery import deliver
from tests.fake_slack import FakeSlack
from tests.integration.test_invitation_service import MENTEE, MENTOR, NOW, TEAM, send

PEOPLE = ((MENTEE, "Ana", "Europe/Berlin"), (MENTOR, "Ben", "America/Los_Angeles"))


@pytest.fixture
def deps(clean_db, database_url):
    """The process's dependencies, with every profile cached (no Slack lookups) and a
    clock that stands at NOW unless moved."""
    settings = load_settings(slack_bot_token="xoxb-test", slack_signing_secret="s" * 32,
                             database_url=database_url,
                             slack_api_url="http://127.0.0.1:9/api/")
    factory = make_session_factory(clean_db)
    with factory() as session, session.begin():
        for user_id, name, tz in PEOPLE:
            session.add(Person(team_id=TEAM, user_id=user_id, home_team_id=TEAM,
                               display_name=name, email=None, tz=tz, is_bot=False,
                               deleted=False, fetched_at=NOW + timedelta(days=30)))
    clock = {"now": NOW}
    built = Deps(settings, clean_db, factory, WebPort(None).client, clock=lambda: clock["now"])
    built.clock_state = clock
    return built


@pytest.fixture
def slack(deps):
    fake = FakeSlack()
    deps.dispatch_port = lambda team_id: fake
    return fake


def invited(deps) -> int:
    return send(lambda: deps.uow()).id


def test_accept_tells_her_the_next_step_and_opens_their_conversation_once(deps, slack):
    rel_id = invited(deps)
    with deps.uow() as uow:
        invitations.remember_messages(uow, rel_id, mentor=_ref("DUMENTOR", "1.1"))
    invitation_flows.accept(deps, slack, TEAM, MENTOR, rel_id, clicked=None)
    [answered] = slack.to("DUMENTOR", "update")
    assert "You accepted" in answered.text  # his invitation, in place: no new message
    [next_step] = slack.to("D" + MENTEE)
    assert "accepted your invitation" in next_step.text
    assert slack.to("D" + MENTOR) == []  # nothing new for the mentor
    with deps.reader() as uow:
        row = uow.session.get(Relationship, rel_id)
        assert row.state == State.AGREED.value and row.pair_channel.startswith("G")


def test_accept_goes_on_in_dms_when_slack_refuses_their_group_conversation(deps, slack):
    rel_id = invited(deps)
    slack.refuse("open_conversation", "cannot_dm_bot")
    invitation_flows.accept(deps, slack, TEAM, MENTOR, rel_id, clicked=None)
    assert [s.text for s in slack.to("D" + MENTEE) if "accepted" in s.text]
    with deps.reader() as uow:
        assert uow.session.get(Relationship, rel_id).pair_channel is None


def test_an_invitation_slack_will_not_deliver_is_taken_back_and_she_is_told(deps, slack):
    rel_id = invited(deps)
    with deps.reader() as uow:
        rel = invitations.relationships.get(uow, TEAM, rel_id, MENTEE)
    slack.refuse("post", "user_not_found", channel=MENTOR)
    sending = invitation_flows.Sending(rel, deps.directory.cached(TEAM, MENTOR, NOW),
                                       "Europe/Berlin")
    invitation_flows.deliver(deps, slack, sending)
    [told] = slack.to("D" + MENTEE)
    assert "couldn't deliver your invitation" in told.text and "Slack no longer knows" in told.text
    with deps.reader() as uow:
        assert uow.session.get(Relationship, rel_id).state == State.WITHDRAWN.value


def _ref(channel: str, ts: str):
    from bot.services.relationships import MessageRef

    return MessageRef(channel, ts)


# ---- the dispatcher's delivery, one claimed nudge at a time --------------------------------

def claimed_reply_by_check(deps) -> int:
    """The invitation's reply-by check, come due and claimed by this worker."""
    invited(deps)
    with deps.reader() as uow:
        due_at = uow.session.scalars(select(Nudge.due_at).where(
            Nudge.kind == "reply_by_check")).one()
    deps.clock_state["now"] = due_at + timedelta(hours=10)  # morning, not quiet
    with deps.uow() as uow:
        [nudge_id] = nudges.claim(uow, deps.now(), "worker-1", timedelta(minutes=5), 10)
    return nudge_id


def status_of(deps, nudge_id: int) -> tuple[str, str | None]:
    with deps.reader() as uow:
        row = uow.session.get(Nudge, nudge_id)
        return row.status, row.last_error


def test_a_nudge_sent_is_recorded_with_its_message(deps, slack):
    nudge_id = claimed_reply_by_check(deps)
    assert deliver(deps, nudge_id, "worker-1", deps.now) is DeliveryOutcome.SENT
    [sent] = slack.to("D" + MENTEE)
    assert sent.extra["metadata"]["event_payload"] == {"nudge_id": str(nudge_id)}
    assert status_of(deps, nudge_id) == ("sent", None)


@pytest.mark.parametrize(("error", "status", "outcome", "kept"), [
    ("account_inactive", 200, DeliveryOutcome.FAILED, "failed"),  # the person is gone
    ("invalid_auth", 200, DeliveryOutcome.STOPPED, "failed"),  # the workspace is gone
    ("ratelimited", 429, DeliveryOutcome.RATE_LIMITED, "pending"),  # wait, then again
    ("internal_error", 500, DeliveryOutcome.RETRY, "pending"),  # Slack's own failure
    ("invalid_blocks", 200, DeliveryOutcome.FAILED, "failed"),  # ours: never resent
])
def test_each_refusal_of_slack_comes_to_its_own_outcome(deps, slack, error, status, outcome,
                                                        kept):
    nudge_id = claimed_reply_by_check(deps)
    slack.refuse("post", error, status, retry_after=30 if status == 429 else None)
    assert deliver(deps, nudge_id, "worker-1", deps.now) is outcome
    state, reason = status_of(deps, nudge_id)
    assert state == kept and error in (reason or "")
    if status == 429:
        with deps.reader() as uow:
            row = uow.session.get(Nudge, nudge_id)
            assert row.available_at >= deps.now() + timedelta(seconds=30)  # Retry-After


def test_a_nudge_whose_relationship_moved_on_is_dropped_not_sent(deps, slack):
    nudge_id = claimed_reply_by_check(deps)
    with deps.reader() as uow:
        rel_id = uow.session.get(Nudge, nudge_id).relationship_id
    with deps.uow() as uow:
        invitations.act(uow, TEAM, rel_id, MENTOR, Action.DECLINE, deps.now())
    assert deliver(deps, nudge_id, "worker-1", deps.now) is DeliveryOutcome.OBSOLETE
    assert slack.said == []


def test_a_claim_another_dispatcher_took_over_is_left_alone(deps, slack):
    nudge_id = claimed_reply_by_check(deps)
    assert deliver(deps, nudge_id, "someone-else", deps.now) is DeliveryOutcome.LOST_CLAIM
    assert slack.said == []


# ---- the profile sweep ------------------------------------------------------------------

class PagedMembers:
    """users.list over two pages; `refuse` makes every page a 429."""

    def __init__(self, members: list[dict], refuse: bool = False) -> None:
        self.members, self.refuse, self.pages = members, refuse, 0

    def users_list(self, limit, cursor=None):
        from tests.fake_slack import slack_refusal

        self.pages += 1
        if self.refuse:
            raise slack_refusal("ratelimited", 429, retry_after=30)
        start = int(cursor or 0)
        following = start + limit if start + limit < len(self.members) else None
        return {"members": self.members[start:start + limit],
                "response_metadata": {"next_cursor": str(following) if following else ""}}


def member(user_id: str, tz: str) -> dict:
    return {"id": user_id, "team_id": TEAM, "tz": tz, "deleted": False,
            "profile": {"display_name": user_id}}


def test_a_sweep_refreshes_only_known_people_page_by_page(deps):
    """Known and needed: the two of an open relationship. Someone else's profile is left
    to age out (services/retention.py)."""
    from bot.services.people import Directory
    from scheduler.sweep import sweep_profiles

    invited(deps)
    listed = PagedMembers([member(MENTEE, "Asia/Tokyo"), member("USTRANGER", "UTC"),
                           member(MENTOR, "Europe/Paris")])
    deps.directory = Directory(lambda team: listed, deps.uow, deps.reader)
    deps.directory.sweep = lambda team, now, page_size=2, sweep=deps.directory.sweep: sweep(
        team, now, page_size)
    assert sweep_profiles(deps, NOW) == {TEAM: 2} and listed.pages == 2
    with deps.reader() as uow:
        assert uow.session.get(Person, (TEAM, MENTEE)).tz == "Asia/Tokyo"
        assert uow.session.get(Person, (TEAM, "USTRANGER")) is None
    # Its next turn is six hours on, whichever process asks.
    assert sweep_profiles(deps, NOW + timedelta(hours=1)) == {} and listed.pages == 2


def test_no_sweep_while_nudges_come_due_and_a_refused_one_is_tried_again_later(deps):
    from bot.services.people import Directory
    from scheduler.sweep import RETRY_AFTER, sweep_profiles

    invited(deps)  # its reply-by check is due in a week: nothing due soon
    refusing = PagedMembers([member(MENTEE, "Asia/Tokyo")], refuse=True)
    deps.directory = Directory(lambda team: refusing, deps.uow, deps.reader)
    assert sweep_profiles(deps, NOW) == {} and refusing.pages == 1
    assert sweep_profiles(deps, NOW + RETRY_AFTER / 2) == {} and refusing.pages == 1
    with deps.reader() as uow:
        due_at = uow.session.scalars(select(Nudge.due_at)).first()
    # A burst is coming: the sweep waits, whatever its turn.
    assert sweep_profiles(deps, due_at - timedelta(minutes=5)) == {}
    assert refusing.pages == 1
    refusing.refuse = False
    assert sweep_profiles(deps, NOW + RETRY_AFTER) == {TEAM: 1}

"""People open to mentoring: `/mentor offer`, `/mentor find`, and an invitation from the
list, with each person's own limit and pause respected."""

from __future__ import annotations

from tests.conftest import MENTEE, MENTOR, OTHER
from tests.e2e.flows import (
    GOOD_OFFER,
    WHY_THEM,
    compose,
    get_ready,
    invite,
    relationships,
    wait_for_home,
)

DEV, ELI, FAY = "UMENTOR02", "UMENTEE02", "UMENTEE03"


def offer(slack, user: str, **fill):
    slack.slash(user, "offer")
    slack.emulator.wait_for_view(user, "offer")
    return slack.submit(user, fill)


def listed(slack, user: str, words: str = "") -> list[str]:
    slack.emulator.responses.clear()
    slack.slash(user, f"find {words}".strip())
    shown = slack.emulator.wait_for_response(user, "People open to mentoring")
    return [b["accessory"]["value"] for b in shown["body"]["blocks"] if b.get("accessory")]


def test_find_with_nobody_open_says_so_and_how_to_ask_anyway(slack, engine):
    slack.slash(MENTEE, "find leadership")
    slack.emulator.wait_for_response(MENTEE, "who offered to mentor has room right now")


def test_offer_find_invite_with_own_limits_and_pauses(slack, engine):
    refused = offer(slack, MENTOR, offer_capacity="1")
    assert "Name at least one topic" in refused.json["errors"]["offer_topics"]
    offer(slack, MENTOR, offer_topics="Growing into engineering leadership",
          offer_tags=["leadership"], offer_capacity="1", offer_note="Bring a decision <!here>")
    slack.emulator.wait_for_notice(MENTOR, "Pause or withdraw it from your Home")
    wait_for_home(slack, MENTOR, "You are open to mentoring", "0 of 1 place taken")
    offer(slack, DEV, offer_topics="Product design and data", offer_capacity="2")
    offer(slack, OTHER, offer_topics="Engineering leadership", offer_capacity="1")
    wait_for_home(slack, OTHER, "You are open to mentoring")
    slack.click_home(OTHER, "offer_pause")
    wait_for_home(slack, OTHER, "Your offer to mentor is paused")

    # Topic first, then working hours; paused people are not listed.
    assert listed(slack, MENTEE, "leadership") == [MENTOR, DEV]
    assert listed(slack, MENTEE, "data") == [DEV, MENTOR]
    shown = str(slack.emulator.responses[-1]["body"])
    assert "Bring a decision &lt;!here&gt;" in shown and "<!here>" not in shown

    # Invite from the list opens the composer for that person.
    get_ready(slack, MENTEE)
    slack.emulator.responses.clear()
    slack.slash(MENTEE, "find leadership")
    found = slack.emulator.wait_for_response(MENTEE, "People open to mentoring")
    slack.click_ephemeral(MENTEE, found, "find_invite", MENTOR)
    composer = slack.emulator.wait_for_view(MENTEE, "invite_compose")
    assert f"'initial_user': '{MENTOR}'" in str(composer["blocks"])
    reply = slack.submit(MENTEE, {"logistics": ["yes"], "offer": GOOD_OFFER,
                                  "why_them": WHY_THEM})
    assert reply.json.get("response_action") == "push", reply.body
    slack.submit(MENTEE)
    slack.emulator.wait_for_dm(MENTOR, "A mentoring invitation")
    wait_for_home(slack, MENTOR, "1 of 1 place taken")

    # Ben is at his own limit: not listed, and an invitation is refused kindly.
    assert listed(slack, ELI) == [DEV]
    get_ready(slack, ELI)
    full = compose(slack, ELI, MENTOR)
    # His one place is held by Ana's invitation, which he hasn't answered: she is told so.
    said = full.json["errors"]["mentor"]
    assert said.startswith(f"<@{MENTOR}> takes 1 mentee at once")
    assert "one is held by an invitation they haven't answered yet" in said
    assert "A place opens if one is declined or expires" in said
    get_ready(slack, FAY)
    paused = compose(slack, FAY, OTHER)
    assert "paused their offer to mentor" in paused.json["errors"]["mentor"]
    assert len(relationships(engine)) == 1

    # An offer cannot promise fewer places than the mentees one has now.
    invite(slack, ELI, DEV)
    invite(slack, FAY, DEV)
    lower = offer(slack, DEV, offer_capacity="1")
    assert "You mentor 2 people now" in lower.json["errors"]["offer_capacity"]

    # Withdrawn: gone from the list; with nobody left with room, she is told so.
    wait_for_home(slack, DEV, "You are open to mentoring")
    slack.click_home(DEV, "offer_withdraw")
    wait_for_home(slack, DEV, "Offer to mentor", absent="You are open to mentoring")
    slack.emulator.responses.clear()
    slack.slash("UMENTEE04", "find")
    slack.emulator.wait_for_response("UMENTEE04", "who offered to mentor has room right now")

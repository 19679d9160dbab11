"""`/mentor` subcommands, the App Home tab and workspace lifecycle events."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.db.models import ReadinessAnswers, Workspace
from tests.conftest import MENTEE, MENTOR
from tests.e2e.flows import READINESS, get_ready, invite, wait_for_home


def test_help_lists_every_command(slack):
    reply = slack.slash(MENTEE, "help")
    assert reply.status == 200
    for usage in ("/mentor help", "/mentor ready", "/mentor invite", "/mentor status"):
        assert usage in reply.text
    assert slack.slash(MENTEE, "").text == reply.text  # bare /mentor helps too


def test_an_unknown_subcommand_says_what_to_do(slack):
    reply = slack.slash(MENTEE, "frobnicate now")
    assert "I don't know `/mentor frobnicate`" in reply.text and "/mentor help" in reply.text
    assert slack.emulator.calls_to("views.open") == []


def test_invite_with_something_that_is_not_a_mention(slack):
    reply = slack.slash(MENTEE, "invite ben")
    assert "couldn't read `ben` as a person" in reply.text
    assert slack.emulator.calls_to("views.open") == []


def test_readiness_answers_are_saved_and_prefill_the_next_time(slack, engine):
    get_ready(slack, MENTEE)
    with Session(engine) as session:
        row = session.get(ReadinessAnswers, ("T0MENTOR", MENTEE))
        assert row.next_goal == READINESS["next_goal"]
    slack.slash(MENTEE, "ready")
    view = slack.emulator.wait_for_view(MENTEE, "readiness")
    initial = {b["block_id"]: b["element"].get("initial_value") for b in view["blocks"]
               if b["type"] == "input"}
    assert initial == READINESS


def test_readiness_answers_that_are_too_short_are_refused_inline(slack, engine):
    slack.slash(MENTEE, "ready")
    slack.emulator.wait_for_view(MENTEE, "readiness")
    reply = slack.submit(MENTEE, {**READINESS, "why_mentor": "idk"})
    assert list(reply.json["errors"]) == ["why_mentor"]
    with Session(engine) as session:
        assert session.get(ReadinessAnswers, ("T0MENTOR", MENTEE)) is None


def test_the_composer_is_prefilled_from_the_readiness_answers(slack):
    get_ready(slack, MENTEE)
    slack.slash(MENTEE, f"invite <@{MENTOR}|ben>")
    view = slack.emulator.wait_for_view(MENTEE, "invite_compose")
    fields = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert fields["mentor"]["initial_user"] == MENTOR
    assert READINESS["next_goal"] in fields["intro"]["initial_value"]
    # Why this mentor is asked in each invitation, never carried over from readiness.
    assert not fields["why_them"].get("initial_value")
    assert fields["months"]["initial_option"]["value"] == "6"


def test_status_lists_relationships_from_each_side(slack):
    invite(slack, MENTEE, MENTOR)
    slack.slash(MENTEE, "status")
    mine = slack.emulator.wait_for_response(MENTEE, "your mentor")
    assert "invited" in str(mine["body"]["blocks"])
    slack.slash(MENTOR, "status")
    slack.emulator.wait_for_response(MENTOR, "their mentor")


def test_app_home_for_a_newcomer_offers_the_readiness_questions(slack):
    assert slack.open_home(MENTEE).status == 200
    home = slack.emulator.wait_for(lambda: slack.emulator.home.get(MENTEE))
    assert "Answer the readiness questions" in str(home["blocks"])
    slack.click_home(MENTEE, "open_readiness")
    slack.emulator.wait_for_view(MENTEE, "readiness")


def test_app_home_lists_relationships_and_opens_the_composer(slack):
    invite(slack, MENTEE, MENTOR)
    slack.open_home(MENTEE)
    wait_for_home(slack, MENTEE, f"<@{MENTOR}>", "*invited*")
    slack.click_home(MENTEE, "open_invite")
    slack.emulator.wait_for_view(MENTEE, "invite_compose")


def test_uninstalling_is_recorded_once_even_when_slack_retries(slack, engine, server):
    event = {"type": "app_uninstalled", "event_ts": "1.0"}
    assert slack.event(event).status == 200
    assert slack.event(event, headers={"X-Slack-Retry-Num": "1",
                                       "X-Slack-Retry-Reason": "http_timeout"}).status == 200

    def recorded():
        with Session(engine) as session:
            row = session.get(Workspace, "T0MENTOR")
            return row.uninstalled_at if row else None

    first = slack.emulator.wait_for(recorded)
    slack.emulator.wait_for(lambda: server.log().count("app_uninstalled; its messages stop") >= 2,
                            what="both deliveries handled")
    assert recorded() == first


def test_revoking_only_user_tokens_changes_nothing(slack, engine, server):
    slack.event({"type": "tokens_revoked", "tokens": {"oauth": ["U1"], "bot": []}})
    slack.emulator.wait_for(lambda: "only user tokens revoked" in server.log())
    with Session(engine) as session:
        assert session.get(Workspace, "T0MENTOR") is None


def test_with_two_mentors_a_command_asks_which_and_a_mention_picks_one(slack, engine):
    from tests.e2e.flows import make_active, relationships

    second = "UMENTOR02"
    make_active(slack, MENTEE, MENTOR)
    make_active(slack, MENTEE, second)
    by_mentor = {rel.mentor_id: rel.id for rel in relationships(engine)}

    # Named: the form is about that relationship, never the newest by default.
    slack.slash(MENTEE, f"schedule <@{MENTOR}|ben>")
    view = slack.emulator.wait_for_view(MENTEE, "schedule")
    assert view["private_metadata"] == str(by_mentor[MENTOR])
    slack.emulator.stacks[MENTEE].clear()
    opened = len(slack.emulator.calls_to("views.open"))

    # Not named: a question with one button per relationship, no guess.
    for command in ("schedule", "agreement", "complete", "continue", "end"):
        slack.slash(MENTEE, command)
        asked = slack.emulator.wait_for_response(
            MENTEE, f"Which mentoring relationship is `/mentor {command}` about?")
        assert f"<@{MENTOR}>" in str(asked["body"]) and f"<@{second}>" in str(asked["body"])
    assert len(slack.emulator.calls_to("views.open")) == opened

    # Choosing opens the form for the one chosen.
    asked = slack.emulator.wait_for_response(MENTEE, "`/mentor schedule` about?")
    button = next(b["accessory"] for b in asked["body"]["blocks"]
                  if b.get("accessory") and b["accessory"]["value"].endswith(
                      f":{by_mentor[second]}"))
    slack.click_ephemeral(MENTEE, {"body": {"text": "", "blocks": [
        {"type": "actions", "block_id": "which", "elements": [button]}]}},
        "choose_relationship")
    view = slack.emulator.wait_for_view(MENTEE, "schedule")
    assert view["private_metadata"] == str(by_mentor[second])

    # /mentor agreement @name shows that pair's terms.
    slack.slash(MENTEE, f"agreement <@{second}|dev>")
    terms = slack.emulator.wait_for_response(MENTEE, "Your agreed terms")
    assert f"<@{second}>" in str(terms["body"])


def test_why_this_mentor_is_asked_afresh_in_each_invitation(slack):
    from tests.conftest import OTHER
    from tests.e2e.flows import WHY_THEM

    invite(slack, MENTEE, MENTOR)
    slack.slash(MENTEE, f"invite <@{OTHER}|kim>")
    view = slack.emulator.wait_for_view(MENTEE, "invite_compose")
    fields = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert fields["mentor"]["initial_user"] == OTHER
    assert WHY_THEM not in str(fields["why_them"])  # the first mentor's reasons stay his

"""The invitation flow, end to end: signed HTTP in, Slack Web API calls out."""

from __future__ import annotations

from tests.conftest import MENTEE, MENTOR, OTHER
from tests.e2e.flows import compose, get_ready, invite, relationships, transitions


def test_mentee_invites_and_mentor_accepts(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)

    text = invitation.all_text
    assert "13 sessions × 45 min over 6 months (every two weeks, video call)" in text
    assert "blameless incident reviews" in text  # why them, from the readiness answers
    assert "Notes from each session" in text  # the offer
    # Reply-by: end of the chosen day in Berlin, shown in the mentor's Los Angeles time.
    assert "14:59 PST" in text
    assert [e["action_id"] for e in invitation.blocks[-1]["elements"]] == [
        "invite_accept", "invite_suggest", "invite_decline"]
    confirmation = slack.emulator.wait_for_dm(MENTEE, "on its way")
    assert "CET" in confirmation.all_text  # the mentee reads their own time zone

    assert slack.click(MENTOR, invitation, "invite_accept").status == 200

    slack.emulator.wait_for_dm(MENTEE, "accepted your invitation")
    updated = slack.emulator.wait_for(
        lambda: invitation.history and invitation, what="the invitation updated in place")
    assert "You accepted" in updated.all_text
    assert not any(b["type"] == "actions" for b in updated.blocks), "buttons must be gone"
    [rel] = relationships(engine)
    assert (rel.state, rel.team_id, rel.agreed_at is not None) == ("agreed", "T0MENTOR", True)
    assert transitions(engine) == [
        (MENTEE, "invite", "new", "invited"), (MENTOR, "accept", "invited", "agreed")]


def test_the_preview_shows_exactly_what_the_mentor_receives(slack):
    get_ready(slack, MENTEE)
    preview = compose(slack, MENTEE, MENTOR).json["view"]
    slack.submit(MENTEE)
    invitation = slack.emulator.wait_for_dm(MENTOR, "A mentoring invitation")
    previewed = preview["blocks"][2:]  # after the "this is exactly" line and the divider
    assert previewed == invitation.blocks[: len(previewed)]


def test_a_thin_invitation_is_refused_inline_with_tips(slack, engine):
    reply = compose(slack, MENTEE, MENTOR, intro="I love your work!",
                    why_them="Will you be my mentor?", offer="Coffee?", logistics=[])
    assert reply.status == 200
    answer = reply.json
    assert answer["response_action"] == "errors"
    assert set(answer["errors"]) == {"intro", "why_them", "offer", "logistics"}
    assert "career goal" in answer["errors"]["intro"]
    assert relationships(engine) == []


def test_a_reply_by_date_in_the_past_is_refused(slack, engine):
    get_ready(slack, MENTEE)
    reply = compose(slack, MENTEE, MENTOR, reply_by="2020-01-01")
    assert "after today" in reply.json["errors"]["reply_by"]
    assert relationships(engine) == []


def test_mentor_suggests_changes_and_mentee_accepts_them(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)
    slack.click(MENTOR, invitation, "invite_suggest")
    slack.emulator.wait_for_view(MENTOR, "invite_counter")
    reply = slack.submit(MENTOR, {"cadence": "monthly", "minutes": "30", "format": "phone",
                                  "counter_note": "Happy to! Monthly fits my calendar."})
    assert reply.status == 200 and reply.body in ("", "{}")

    counter = slack.emulator.wait_for_dm(MENTEE, "would like to mentor you with a change")
    assert "6 sessions × 30 min over 6 months (every month, phone call)" in counter.all_text
    assert "video call)" in counter.all_text  # what she asked, for comparison
    assert "Monthly fits my calendar" in counter.all_text
    slack.emulator.wait_for(lambda: "You suggested" in invitation.all_text)

    slack.click(MENTEE, counter, "counter_accept")
    slack.emulator.wait_for_dm(MENTOR, "accepted your suggested changes")
    slack.emulator.wait_for(lambda: "accepted your suggested changes on" in invitation.all_text)
    slack.emulator.wait_for(lambda: "You accepted" in counter.all_text
                            and "counter_accept" not in str(counter.blocks))
    assert "open_agreement" in str(counter.blocks)  # the next step, one click away
    [rel] = relationships(engine)
    assert (rel.state, rel.cadence, rel.minutes, rel.months, rel.meeting_format) == (
        "agreed", "monthly", 30, 6, "phone")
    assert [t[1] for t in transitions(engine)] == ["invite", "suggest_changes", "accept_counter"]
    # His invitation now says what she asked for, and below it what was agreed: her ask is
    # not restated as his terms, and there is no deadline left to meet.
    said = invitation.all_text
    assert f"<@{MENTEE}> asked you to mentor them: *" in said and "video call)*" in said
    assert "would like you to mentor them" not in said and "Please reply by" not in said
    assert "(every month, phone call)" in said.split("accepted your suggested changes")[1]


def test_a_counter_proposal_must_change_something(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)
    slack.click(MENTOR, invitation, "invite_suggest")
    slack.emulator.wait_for_view(MENTOR, "invite_counter")
    reply = slack.submit(MENTOR, {})
    assert "Change the cadence" in reply.json["errors"]["cadence"]
    assert relationships(engine)[0].state == "invited"


def test_mentee_withdraws_after_a_counter_proposal(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)
    slack.click(MENTOR, invitation, "invite_suggest")
    slack.emulator.wait_for_view(MENTOR, "invite_counter")
    slack.submit(MENTOR, {"months": "3"})
    counter = slack.emulator.wait_for_dm(MENTEE, "with a change")
    slack.click(MENTEE, counter, "invite_withdraw")
    slack.emulator.wait_for(lambda: "withdrew this invitation" in invitation.all_text)
    assert relationships(engine)[0].state == "withdrawn"


def test_a_decline_without_a_reason_invents_none(slack):
    invitation = invite(slack, MENTEE, MENTOR)
    slack.click(MENTOR, invitation, "invite_decline")
    slack.emulator.wait_for_view(MENTOR, "invite_decline")
    slack.submit(MENTOR, {})
    told = slack.emulator.wait_for_dm(MENTEE, "has declined your invitation")
    assert "right now" not in told.all_text and "They wrote" not in told.all_text
    assert "their time" not in told.all_text
    # The kindness the expiry has too, and her next step.
    assert "a no to the timing, not to you" in told.all_text
    assert "`/mentor find`" in told.all_text


def test_mentor_declines_with_a_kind_reason(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)
    slack.click(MENTOR, invitation, "invite_decline")
    slack.emulator.wait_for_view(MENTOR, "invite_decline")
    slack.submit(MENTOR, {"decline_reason": "I'm at capacity until spring; lovely invitation."})
    told = slack.emulator.wait_for_dm(MENTEE, "has declined your invitation")
    assert "at capacity until spring" in told.all_text
    slack.emulator.wait_for(lambda: "You declined" in invitation.all_text)
    [rel] = relationships(engine)
    assert rel.state == "declined" and rel.declined_at is not None


def test_mentee_withdraws_a_pending_invitation_from_the_confirmation(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)
    confirmation = slack.emulator.wait_for_dm(MENTEE, "on its way")
    slack.click(MENTEE, confirmation, "invite_withdraw")
    slack.emulator.wait_for(lambda: "You withdrew" in confirmation.all_text)
    slack.emulator.wait_for(lambda: "withdrew this invitation" in invitation.all_text)
    assert relationships(engine)[0].state == "withdrawn"


def test_mentee_withdraws_from_the_status_list(slack, engine):
    invite(slack, MENTEE, MENTOR)
    slack.slash(MENTEE, "status")
    status = slack.emulator.wait_for_response(MENTEE, "invited")
    slack.click_ephemeral(MENTEE, status, "invite_withdraw")
    slack.emulator.wait_for_response(MENTEE, "You withdrew")
    assert relationships(engine)[0].state == "withdrawn"


def test_a_third_person_cannot_answer_someone_elses_invitation(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)
    assert slack.click(OTHER, invitation, "invite_accept").status == 200
    slack.emulator.wait_for_response(OTHER, "belongs to someone else")
    slack.click(OTHER, invitation, "invite_decline")
    slack.emulator.wait_for(lambda: len([r for r in slack.emulator.responses
                                         if r["user"] == OTHER]) == 2)
    assert slack.emulator.top_view(OTHER) is None  # no modal opened for them
    assert relationships(engine)[0].state == "invited"
    assert len(transitions(engine)) == 1


def test_the_mentee_cannot_accept_their_own_invitation(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)
    slack.click(MENTEE, invitation, "invite_accept")
    slack.emulator.wait_for_response(MENTEE, "Only the mentor can do that")
    assert relationships(engine)[0].state == "invited"


def test_a_double_click_makes_one_transition(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)
    # Both clicks leave the client before the message updates, as a real double click does.
    first = slack.click_payload(MENTOR, invitation, "invite_accept")
    second = slack.click_payload(MENTOR, invitation, "invite_accept")
    slack.send_interactive(first)
    slack.emulator.wait_for_dm(MENTEE, "accepted your invitation")
    slack.send_interactive(second)
    slack.emulator.wait_for_response(MENTOR, "Done already")
    assert [t[1] for t in transitions(engine)] == ["invite", "accept"]
    accepted = [m for m in slack.emulator.dms(MENTEE) if "accepted your invitation" in m.text]
    assert len(accepted) == 1


def test_a_slack_retry_of_the_same_click_changes_nothing_more(slack, engine):
    invitation = invite(slack, MENTEE, MENTOR)
    payload_click = slack.click_payload(MENTOR, invitation, "invite_decline")
    slack.send_interactive(payload_click)
    slack.emulator.wait_for_view(MENTOR, "invite_decline")
    slack.submit(MENTOR, {})
    slack.emulator.wait_for_dm(MENTEE, "declined")
    retry = slack.send_interactive(payload_click, {"X-Slack-Retry-Num": "1",
                                               "X-Slack-Retry-Reason": "http_timeout"})
    assert retry.status == 200
    slack.emulator.wait_for_response(MENTOR, "already been declined")
    assert [t[1] for t in transitions(engine)] == ["invite", "decline"]


def test_an_ask_that_reads_as_a_job_hunt_is_warned_once_and_may_go_as_it_is(slack, engine):
    from tests.e2e.flows import compose

    get_ready(slack, MENTEE)
    job = "I saw the open role on your team; could you refer me?"
    warned = compose(slack, MENTEE, MENTOR, why_them=job)
    # Not a refusal: the form comes back as she filled it, with one word of warning.
    assert warned.json["response_action"] == "update"
    blocks = warned.json["view"]["blocks"]
    assert "not your mentor's job to find you a new job" in str(blocks[0])
    fields = {b["block_id"]: b["element"] for b in blocks if b["type"] == "input"}
    assert fields["why_them"]["initial_value"] == job
    assert relationships(engine) == []
    # Preview again: she sends it as it is.
    assert slack.submit(MENTEE).json.get("response_action") == "push"
    assert slack.submit(MENTEE).json == {"response_action": "clear"}
    invitation = slack.emulator.wait_for_dm(MENTOR, "A mentoring invitation")
    assert "open role" in invitation.all_text
    assert "find you a new job" not in invitation.all_text  # the mentor never sees it

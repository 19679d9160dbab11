from datetime import date

import pytest

from bot.domain.invitation import (
    Cadence,
    Invitation,
    MeetingFormat,
    Terms,
    counter_problems,
    problems,
)

TODAY = date(2026, 11, 25)
GOOD = Invitation(
    intro="I'm a backend engineer on the payments team, aiming to lead a platform team "
          "within two years.",
    why_them="Your talk on blameless incident reviews changed how my team learns; I want to "
             "understand how you built that culture.",
    terms=Terms(Cadence.BIWEEKLY, 45, 6),
    meeting_format=MeetingFormat.VIDEO,
    handles_logistics=True,
    reply_by=date(2026, 12, 2),
    offer="Session notes you can reuse with your own mentees.",
)


def test_a_specific_invitation_has_no_problems():
    assert problems(GOOD, TODAY) == {}


def test_the_classic_thin_invitation_is_refused_with_a_tip_for_each_gap():
    thin = Invitation(
        intro="I love your work! Will you be my mentor?", why_them="I love your work!",
        terms=GOOD.terms, meeting_format=GOOD.meeting_format, handles_logistics=False,
        reply_by=TODAY, offer="",
    )
    found = problems(thin, TODAY)
    assert set(found) == {"intro", "why_them", "offer", "logistics", "reply_by"}
    assert "career goal" in found["intro"]
    assert "logistics" in found["logistics"].lower()


def test_flattery_does_not_count_as_content():
    padded = Invitation(**{**GOOD.__dict__, "intro": "I love your work, will you be my mentor? "
                           "I love your work, be my mentor please ok"})
    assert "intro" in problems(padded, TODAY)


@pytest.mark.parametrize(("reply_by", "ok"), [
    (date(2026, 11, 24), False), (date(2026, 11, 25), False), (date(2026, 11, 26), True),
    (date(2026, 12, 25), True), (date(2026, 12, 26), False),
])
def test_the_reply_by_date_gives_time_but_not_forever(reply_by, ok):
    found = problems(Invitation(**{**GOOD.__dict__, "reply_by": reply_by}), TODAY)
    assert ("reply_by" not in found) is ok


@pytest.mark.parametrize(("cadence", "months", "sessions"), [
    (Cadence.WEEKLY, 3, 13), (Cadence.BIWEEKLY, 6, 13), (Cadence.MONTHLY, 12, 12),
])
def test_the_ask_is_stated_as_sessions_times_minutes_over_months(cadence, months, sessions):
    summary = Terms(cadence, 30, months).summary(MeetingFormat.PHONE)
    assert summary.startswith(f"{sessions} sessions × 30 min over {months} months")
    assert "phone call" in summary


def test_a_counter_proposal_must_change_something_within_range():
    current = Terms(Cadence.WEEKLY, 60, 6)
    video, phone = MeetingFormat.VIDEO, MeetingFormat.PHONE
    assert counter_problems(current, current, video, video)
    assert counter_problems(current, Terms(Cadence.MONTHLY, 60, 6), video, video) == {}
    assert "minutes" in counter_problems(current, Terms(Cadence.MONTHLY, 17, 6), video, video)
    # "Video, phone, whatever you find easiest": the format alone is a change worth sending.
    assert counter_problems(current, current, video, phone) == {}


def test_one_conversation_is_a_smaller_ask_with_its_own_limits():
    from dataclasses import replace

    from bot.domain.invitation import conversation_terms

    talk = replace(GOOD, terms=conversation_terms(45), intro="Backend engineer on Payments, "
                   "aiming to lead a team.", offer="A write-up for your mentees")
    assert problems(talk, TODAY) == {}  # fewer words will do for one conversation
    assert problems(replace(GOOD, intro="Backend engineer on Payments, aiming to lead."),
                    TODAY).keys() == {"intro"}  # ...but not for a relationship
    assert "30 to 60 minutes" in problems(replace(talk, terms=conversation_terms(90)),
                                          TODAY)["minutes"]
    assert "within 14 days" in problems(replace(talk, reply_by=date(2026, 12, 20)),
                                        TODAY)["reply_by"]
    assert talk.terms.sessions == 1
    assert talk.terms.summary(MeetingFormat.PHONE) == (
        "one mentoring conversation of 45 min (phone call), sometime in the next month")

from bot.domain.agreement import (
    STANDARD_KEYS,
    TERM_LIMIT,
    Draft,
    Numbers,
    problems,
    standard_terms,
)
from bot.domain.invitation import Cadence, Terms

NUMBERS = Numbers(Terms(Cadence.MONTHLY, 60, 12), reschedule_notice_hours=48,
                  agenda_lead_days=3)


def test_the_standard_terms_carry_the_agreed_numbers_and_the_roles():
    terms = standard_terms(NUMBERS)
    assert list(terms) == list(STANDARD_KEYS)
    assert "48 hours in advance" in terms["reschedule"]
    assert "3 days before" in terms["agenda"]
    assert "every month for 60 minutes over 12 months" in terms["rhythm"]
    assert "not the mentor's role" in terms["roles"] and "closes the" in terms["roles"]


def test_a_good_draft_has_no_problems():
    assert problems(Draft(NUMBERS, tuple(standard_terms(NUMBERS).values()))) == {}


def test_bad_drafts_are_refused_with_a_reason_each():
    assert "at least one term" in problems(Draft(NUMBERS, ("", " ")))["terms"]
    assert "under 500" in problems(Draft(NUMBERS, ("x" * (TERM_LIMIT + 1),)))["terms"]
    odd = Numbers(Terms(Cadence.WEEKLY, 17, 40), reschedule_notice_hours=5, agenda_lead_days=9)
    assert set(problems(Draft(odd, ("ok",)))) == {"minutes", "months", "reschedule_hours",
                                                  "agenda_days"}


def test_a_change_lists_the_numbers_and_the_typed_terms_and_restates_the_standard_ones():
    from bot.domain.agreement import Draft, changes, following_numbers, standard_terms
    from bot.domain.invitation import MeetingFormat

    before = Numbers(Terms(Cadence.BIWEEKLY, 45, 6), 24, 2)
    after = Numbers(Terms(Cadence.MONTHLY, 60, 6), 48, 2, MeetingFormat.IN_PERSON)
    agreed = Draft(before, (*standard_terms(before).values(), "We share one article a month"))
    proposed = following_numbers(
        Draft(after, (*standard_terms(before).values(), "We walk while we talk")), before)

    assert "We meet every month for 60 minutes over 6 months." in " ".join(proposed.terms)
    assert not any("every two weeks" in term for term in proposed.terms)
    found = changes(agreed, proposed)
    assert found.numbers == ("meet every month (was every two weeks)",
                             "60 minutes per meeting (was 45)", "in person (was video call)",
                             "reschedule at least 48 hours ahead (was 24 hours)")
    assert found.added == ("We walk while we talk",)
    assert found.dropped == ("We share one article a month",)
    assert not changes(agreed, agreed)

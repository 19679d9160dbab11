"""The expectations agreement: clear terms, in writing, before the relationship is active."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.invitation import MEETING_MINUTES, TIMELINE_MONTHS, Terms

TERM_LIMIT = 500  # one term, read in a DM; far under Slack's 3,000 per section
MAX_TERMS = 20
RESCHEDULE_HOURS = (12, 24, 48, 72)
AGENDA_DAYS = (1, 2, 3, 5, 7)


@dataclass(frozen=True)
class Numbers:
    """What the nudges and meeting rules will use once both have confirmed."""

    terms: Terms
    reschedule_notice_hours: int = 24
    agenda_lead_days: int = 2


@dataclass(frozen=True)
class Draft:
    numbers: Numbers
    terms: tuple[str, ...]


STANDARD_KEYS = ("confidential", "time", "reschedule", "agenda", "personal", "rhythm", "roles")


def standard_terms(numbers: Numbers) -> dict[str, str]:
    t = numbers.terms
    return {
        "confidential": "Our conversations will be kept in confidence.",
        "time": "We respect each other's time by starting and ending meetings as scheduled.",
        "reschedule": "If a meeting needs to be rescheduled, we aim to do it at least "
                      f"{numbers.reschedule_notice_hours} hours in advance.",
        "agenda": "The mentee sets the agenda and sends topics at least "
                  f"{numbers.agenda_lead_days} days before each meeting.",
        "personal": "Personal information may be shared where it bears on career goals, and "
                    "it stays between us.",
        "rhythm": f"We meet {t.cadence.label} for {t.minutes} minutes over {t.months} months. "
                  "At our last planned session we either complete, or choose together to "
                  "continue.",
        "roles": "The mentor shares perspective and experience; finding the mentee a job is "
                 "not the mentor's role (that is networking). The mentee schedules meetings, "
                 "sends topics, follows up with thanks, manages the timeline, and closes the "
                 "relationship.",
    }


def problems(draft: Draft) -> dict[str, str]:
    """Field → what to fix; empty when the draft can be sent."""
    found: dict[str, str] = {}
    if not any(term.strip() for term in draft.terms):
        found["terms"] = "Keep at least one term: an agreement with no terms agrees to nothing."
    if len(draft.terms) > MAX_TERMS:
        found["terms"] = f"Keep it to {MAX_TERMS} terms or fewer; short agreements get read."
    for term in draft.terms:
        if len(term) > TERM_LIMIT:
            found["terms"] = f"Keep each term under {TERM_LIMIT} characters."
    t = draft.numbers.terms
    if t.minutes not in MEETING_MINUTES:
        found["minutes"] = "Choose one of the offered meeting lengths."
    if t.months not in TIMELINE_MONTHS:
        found["months"] = "Choose one of the offered timelines."
    if draft.numbers.reschedule_notice_hours not in RESCHEDULE_HOURS:
        found["reschedule_hours"] = "Choose one of the offered notice periods."
    if draft.numbers.agenda_lead_days not in AGENDA_DAYS:
        found["agenda_days"] = "Choose one of the offered lead times."
    return found

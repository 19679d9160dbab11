"""The expectations agreement: clear terms, in writing, before the relationship is active,
and changed along the way by a new version both confirm."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.invitation import MEETING_MINUTES, TIMELINE_MONTHS, MeetingFormat, Terms

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
    meeting_format: MeetingFormat = MeetingFormat.VIDEO


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


def following_numbers(draft: Draft, before: Numbers) -> Draft:
    """`draft` with each standard term left as written for `before` restated for the draft's
    own numbers: changing the cadence must not leave "we meet every two weeks" behind."""
    old, new = standard_terms(before), standard_terms(draft.numbers)
    restated = {old[key]: new[key] for key in STANDARD_KEYS}
    return Draft(draft.numbers, tuple(restated.get(term, term) for term in draft.terms))


@dataclass(frozen=True)
class Changes:
    """What a version changes in the agreed one: our phrases for the numbers, and the terms
    people typed (for the builder to escape)."""

    numbers: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.numbers or self.added or self.dropped)


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'s' if count != 1 else ''}"


def changes(agreed: Draft, proposed: Draft) -> Changes:
    """What `proposed` changes in `agreed`; restated standard terms are no change of their
    own, since the numbers they follow are listed."""
    was, now = agreed.numbers, proposed.numbers
    phrases = [
        (was.terms.cadence.label, now.terms.cadence.label, "meet {}"),
        (was.terms.minutes, now.terms.minutes, "{} minutes per meeting"),
        (was.terms.months, now.terms.months, "over {} months"),
        (was.meeting_format.label, now.meeting_format.label, "{}"),
        (_plural(was.reschedule_notice_hours, "hour"),
         _plural(now.reschedule_notice_hours, "hour"), "reschedule at least {} ahead"),
        (_plural(was.agenda_lead_days, "day"), _plural(now.agenda_lead_days, "day"),
         "topics {} before each meeting"),
    ]
    numbers = tuple(f"{shape.format(after)} (was {before})"
                    for before, after, shape in phrases if before != after)
    restated = following_numbers(Draft(now, agreed.terms), was).terms
    return Changes(numbers,
                   tuple(t for t in proposed.terms if t not in restated),
                   tuple(t for t, r in zip(agreed.terms, restated, strict=True)
                         if r not in proposed.terms))

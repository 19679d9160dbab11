"""What a good invitation says, and how to tell a thin one from a good one.

An invitation follows six tips: say who you are, your goal and why this mentor; bound the
timeline; propose a cadence and meeting structure; promise to handle all logistics; give
time to consider (a reply-by date); offer something in return.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum


class Cadence(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"

    @property
    def label(self) -> str:
        return {"weekly": "every week", "biweekly": "every two weeks", "monthly": "every month"}[
            self.value
        ]

    @property
    def days(self) -> int:
        return {"weekly": 7, "biweekly": 14, "monthly": 30}[self.value]

    @property
    def interval(self) -> str:
        """The time between two sessions, as a phrase: "It's been a month"."""
        return {"weekly": "a week", "biweekly": "two weeks", "monthly": "a month"}[self.value]

    @property
    def sessions_per_month(self) -> float:
        return {"weekly": 52 / 12, "biweekly": 26 / 12, "monthly": 1.0}[self.value]


class MeetingFormat(StrEnum):
    VIDEO = "video"
    PHONE = "phone"
    IN_PERSON = "in_person"

    @property
    def label(self) -> str:
        return {"video": "video call", "phone": "phone call", "in_person": "in person"}[
            self.value
        ]


class Ask(StrEnum):
    """What the mentee asks for: one conversation, or a relationship over months."""

    CONVERSATION = "conversation"
    RELATIONSHIP = "relationship"

    @property
    def label(self) -> str:
        return {"conversation": "a mentoring conversation",
                "relationship": "a mentoring relationship"}[self.value]


TIMELINE_MONTHS = (3, 6, 9, 12)
# One conversation: a single session of at most an hour, within a month of the yes.
CONVERSATION_MINUTES = (30, 45, 60)
CONVERSATION_MONTHS = 1
CONVERSATION_REPLY_DAYS = 14
MEETING_MINUTES = (30, 45, 60, 90)
MAX_REPLY_DAYS = 30
TEXT_LIMIT = 600  # keeps the mentor's DM short; Slack's own cap is far higher

# Phrases that carry no information about the mentee or the ask.
_FLATTERY = re.compile(
    r"\b(love|admire|like|big fan of)\s+(your|ur)\s+(work|stuff|content)\b"
    r"|\bwill you be my mentor\b|\bbe my mentor\b|\bmentor me\b",
    re.IGNORECASE,
)
_MIN_WORDS = {"intro": 12, "why_them": 10, "offer": 5}
# One conversation is a smaller ask: who you are and why them still, in fewer words.
_MIN_WORDS_CONVERSATION = {"intro": 8, "why_them": 8, "offer": 3}


@dataclass(frozen=True)
class Terms:
    """The structure of the ask; a counter-proposal changes only these."""

    cadence: Cadence
    minutes: int
    months: int
    ask: Ask = Ask.RELATIONSHIP

    @property
    def conversation(self) -> bool:
        return self.ask is Ask.CONVERSATION

    @property
    def sessions(self) -> int:
        if self.conversation:
            return 1
        return max(1, round(self.months * self.cadence.sessions_per_month))

    def summary(self, meeting_format: MeetingFormat) -> str:
        if self.conversation:
            return (f"one mentoring conversation of {self.minutes} min "
                    f"({meeting_format.label}), sometime in the next month")
        return (
            f"{self.sessions} sessions × {self.minutes} min over {self.months} months "
            f"({self.cadence.label}, {meeting_format.label})"
        )


@dataclass(frozen=True)
class Invitation:
    intro: str  # who you are and your career goal
    why_them: str  # what you admire in them and why them
    terms: Terms
    meeting_format: MeetingFormat
    handles_logistics: bool
    reply_by: date
    offer: str  # what the mentee gives in return

    def with_terms(self, terms: Terms) -> Invitation:
        return replace(self, terms=terms)


def _words(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", _FLATTERY.sub(" ", text)))


def problems(invitation: Invitation, today: date) -> dict[str, str]:
    """Field name → a tip saying what is missing; empty when the invitation is ready."""
    found: dict[str, str] = {}
    conversation = invitation.terms.conversation
    least = _MIN_WORDS_CONVERSATION if conversation else _MIN_WORDS
    if _words(invitation.intro) < least["intro"]:
        found["intro"] = (
            "Say who you are and the career goal you're working toward, in a sentence or two: "
            "a mentor says yes to a person with a direction, not to a compliment."
        )
    if _words(invitation.why_them) < least["why_them"]:
        found["why_them"] = (
            "Be specific about why them: name something they did or said that shaped you, "
            "and what you hope to learn from it."
        )
    if _words(invitation.offer) < least["offer"]:
        found["offer"] = (
            "Offer something in return, e.g. notes they can reuse, a perspective from your "
            "team, or help with a project of theirs."
        )
    if not invitation.handles_logistics:
        found["logistics"] = (
            "Promise to handle all logistics (invitations, agenda, rescheduling): it is "
            "what makes saying yes easy."
        )
    days = (invitation.reply_by - today).days
    if days < 1:
        found["reply_by"] = "Pick a reply-by date after today, so they have time to consider."
    elif conversation and days > CONVERSATION_REPLY_DAYS:
        found["reply_by"] = (f"A conversation within the month needs an answer sooner: pick "
                             f"a reply-by date within {CONVERSATION_REPLY_DAYS} days.")
    elif days > MAX_REPLY_DAYS:
        found["reply_by"] = f"Pick a reply-by date within {MAX_REPLY_DAYS} days."
    for name in ("intro", "why_them", "offer"):
        if len(getattr(invitation, name)) > TEXT_LIMIT:
            found[name] = f"Keep this under {TEXT_LIMIT} characters; the mentor reads it in a DM."
    if conversation:
        if invitation.terms.minutes not in CONVERSATION_MINUTES:
            found["minutes"] = ("A mentoring conversation is one session of 30 to 60 "
                                "minutes: choose up to an hour, or ask for a relationship.")
        return found
    if invitation.terms.months not in TIMELINE_MONTHS:
        found["months"] = "Choose one of the offered timelines."
    if invitation.terms.minutes not in MEETING_MINUTES:
        found["minutes"] = "Choose one of the offered meeting lengths."
    return found


def conversation_terms(minutes: int) -> Terms:
    """A conversation's terms: one session, its month the timeline."""
    return Terms(Cadence.MONTHLY, minutes, CONVERSATION_MONTHS, Ask.CONVERSATION)


def counter_problems(current: Terms, proposed: Terms, current_format: MeetingFormat,
                     proposed_format: MeetingFormat) -> dict[str, str]:
    if proposed == current and proposed_format is current_format:
        return {"cadence": "Change the cadence, the length, the timeline or the format, or "
                           "accept as is."}
    found: dict[str, str] = {}
    if proposed.months not in TIMELINE_MONTHS:
        found["months"] = "Choose one of the offered timelines."
    if proposed.minutes not in MEETING_MINUTES:
        found["minutes"] = "Choose one of the offered meeting lengths."
    return found

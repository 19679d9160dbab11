"""Which nudges should exist for a relationship, given what has happened and the time.

Planning is pure: facts in, nudges out. The scheduler stores them (an outbox keyed by
relationship, subject and kind, so planning twice yields one row) and re-checks each one
with `still_applies` when it comes due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.relationship import State


class Kind(StrEnum):
    # The mentor has not answered by the reply-by date: the mentee may send a follow-up.
    REPLY_BY_CHECK = "reply_by_check"
    # Still no answer well after it: the invitation expires and the mentee is told kindly.
    INVITATION_EXPIRY = "invitation_expiry"


INVITATION = "invitation"  # the subject of invitation nudges; meetings will be "meeting:<id>"


@dataclass(frozen=True)
class Facts:
    """What planning needs to know about one relationship."""

    relationship_id: int
    state: State
    mentee_id: str
    mentor_id: str
    reply_by_at: datetime | None


@dataclass(frozen=True)
class Timing:
    invitation_grace: timedelta = timedelta(days=7)


DEFAULT_TIMING = Timing()


@dataclass(frozen=True)
class Planned:
    kind: Kind
    subject: str
    recipient_id: str  # whose quiet hours and time zone apply
    due_at: datetime


def plan(facts: Facts, timing: Timing) -> list[Planned]:
    if facts.state is State.INVITED and facts.reply_by_at is not None:
        return [
            Planned(Kind.REPLY_BY_CHECK, INVITATION, facts.mentee_id, facts.reply_by_at),
            Planned(Kind.INVITATION_EXPIRY, INVITATION, facts.mentee_id,
                    facts.reply_by_at + timing.invitation_grace),
        ]
    return []


def still_applies(kind: Kind, state: State) -> bool:
    """Re-checked at send time: a nudge whose moment has passed is dropped, not sent."""
    match kind:
        case Kind.REPLY_BY_CHECK:
            return state is State.INVITED
        case Kind.INVITATION_EXPIRY:
            # Already expired means a crash came between expiring and telling: tell now.
            return state in (State.INVITED, State.EXPIRED)
    return False

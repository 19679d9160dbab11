"""Which nudges should exist for a relationship, given what has happened and the time.

Planning is pure: facts in, nudges out. Each kind is declared whole in its family's
module (invitation, agreement, meeting, rhythm, conversation, calendar); its message is
the builder registered under it in `bot/messages/nudges/`. The scheduler stores planned
nudges in an outbox keyed by relationship, subject and kind, and re-checks each one when
it comes due.
"""

from __future__ import annotations

from bot.domain.nudges import agreement, calendar, conversation, invitation, meeting, rhythm
from bot.domain.nudges.model import (
    DEFAULT_TIMING,
    CalendarFacts,
    Channel,
    Facts,
    Family,
    MeetingFacts,
    MeetingTrail,
    Need,
    NudgeKind,
    NudgeStatus,
    Planned,
    Timing,
    Trail,
)
from bot.domain.nudges.subjects import AGREEMENT, INVITATION, Subject
from bot.domain.relationship import Role, State

ALL: tuple[NudgeKind, ...] = (*invitation.KINDS, *agreement.KINDS, *meeting.KINDS,
                              *rhythm.KINDS, *conversation.KINDS, *calendar.KINDS)
_BY_NAME = {kind.name: kind for kind in ALL}


class Kind:
    """Every kind by its constant name (Kind.AGENDA_DUE), for code that names one."""


for _kind in ALL:
    setattr(Kind, _kind.name.upper(), _kind)


def named(name: str) -> NudgeKind:
    """The kind stored under `name`; KeyError for one no longer declared."""
    return _BY_NAME[name]


def plan(facts: Facts, timing: Timing) -> list[Planned]:
    planned = []
    for kind in ALL:
        recipient = facts.mentee_id if kind.recipient is Role.MENTEE else facts.mentor_id
        planned += [Planned(kind, subject, recipient, at)
                    for subject, at in kind.due(facts, timing)]
    return planned


def still_applies(kind: NudgeKind, state: State) -> bool:
    """Re-checked at send time: a nudge whose moment has passed is dropped, not sent."""
    return state in kind.applies_in


__all__ = ["AGREEMENT", "ALL", "DEFAULT_TIMING", "INVITATION", "CalendarFacts", "Channel",
           "Facts", "Family", "Kind",
           "MeetingFacts", "MeetingTrail", "Need", "NudgeKind", "NudgeStatus", "Planned",
           "Subject", "Timing", "Trail", "named", "plan", "still_applies"]

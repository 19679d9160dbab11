"""Nudges between the mentor's yes and the agreement both confirmed."""

from __future__ import annotations

from bot.domain.nudges.model import Facts, Family, Need, NudgeKind, Timing
from bot.domain.nudges.subjects import AGREEMENT, Subject
from bot.domain.relationship import Role, State


def _agreed(facts: Facts) -> bool:
    return facts.state is State.AGREED and facts.agreed_at is not None


def _not_sent(facts: Facts, timing: Timing):
    if not _agreed(facts) or facts.agreement_sent:
        return []
    return [(AGREEMENT, facts.agreed_at + timing.agreement_due)]


# Agreed, but the mentee has not sent the expectations agreement.
AGREEMENT_NOT_SENT = NudgeKind(
    "agreement_not_sent", Family.AGREEMENT, Role.MENTEE, due=_not_sent,
    applies_in=frozenset({State.AGREED}), needs=frozenset({Need.RELATIONSHIP}),
    asked_for="the agreement was sent",
    followed=lambda trail: trail.agreement_written_after)


def _unconfirmed(facts: Facts, timing: Timing):
    # The mentor's own edit waits on the mentee, who needs no reminder to answer it.
    if not _agreed(facts) or not facts.agreement_sent or facts.awaiting_mentor is None:
        return []
    version, sent_at = facts.awaiting_mentor
    return [(Subject.agreement_version(version), sent_at + timing.agreement_reply)]


# The mentor has not confirmed the mentee's version: the mentee may send one reminder.
AGREEMENT_UNCONFIRMED = NudgeKind(
    "agreement_unconfirmed", Family.AGREEMENT, Role.MENTEE, due=_unconfirmed,
    applies_in=frozenset({State.AGREED}), needs=frozenset({Need.AGREEMENT}),
    asked_for="the mentor confirmed",
    followed=lambda trail: trail.after(trail.version_confirmed_at))

KINDS = (AGREEMENT_NOT_SENT, AGREEMENT_UNCONFIRMED)

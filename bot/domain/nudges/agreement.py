"""Nudges between the mentor's yes and the agreement both confirmed."""

from __future__ import annotations

from bot.domain.nudges.model import Facts, Family, Need, NudgeKind, Timing
from bot.domain.nudges.subjects import AGREEMENT, AGREEMENT_DEADLINE, Subject
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

def _last_call(facts: Facts, timing: Timing):
    if not _agreed(facts):
        return []
    return [(AGREEMENT_DEADLINE, facts.agreed_at + timing.agreement_last_call)]


def agreement_lapse(facts: Facts, timing: Timing):
    """Agreed three weeks ago and still no agreement in force: it lapses kindly. Still
    planned once lapsed (never active): a crash between the lapse and the telling is
    finished by the next claim."""
    never_began = facts.state is State.LAPSED and facts.active_at is None
    if facts.agreed_at is None or not (_agreed(facts) or never_began):
        return []
    return [(AGREEMENT_DEADLINE, facts.agreed_at + timing.agreement_lapse)]


# Two weeks after the yes, no agreement in force: she hears when it will close.
AGREEMENT_LAST_CALL = NudgeKind(
    "agreement_last_call", Family.AGREEMENT, Role.MENTEE, due=_last_call,
    applies_in=frozenset({State.AGREED}), needs=frozenset({Need.RELATIONSHIP, Need.GAP}),
    asked_for="the agreement came into force",
    followed=lambda trail: trail.after(trail.version_confirmed_at))

KINDS = (AGREEMENT_NOT_SENT, AGREEMENT_UNCONFIRMED, AGREEMENT_LAST_CALL)

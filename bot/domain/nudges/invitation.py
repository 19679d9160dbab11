"""Nudges while an invitation waits for the mentor's answer."""

from __future__ import annotations

from bot.domain.nudges.model import Facts, Family, Need, NudgeKind, Timing
from bot.domain.nudges.subjects import INVITATION
from bot.domain.relationship import Action, Role, State


def _waiting(facts: Facts) -> bool:
    return facts.state is State.INVITED and facts.reply_by_at is not None


# The mentor has not answered by the reply-by date: the mentee may send a follow-up.
REPLY_BY_CHECK = NudgeKind(
    "reply_by_check", Family.INVITATION, Role.MENTEE,
    due=lambda facts, timing: [(INVITATION, facts.reply_by_at)] if _waiting(facts) else [],
    applies_in=frozenset({State.INVITED}), needs=frozenset({Need.RELATIONSHIP}),
    asked_for="the mentor answered", followed=lambda trail: trail.after(trail.answered_at))


def _expiry(facts: Facts, timing: Timing):
    return [(INVITATION, facts.reply_by_at + timing.invitation_grace)] if _waiting(facts) else []


# Still no answer well after it: the invitation expires and the mentee is told kindly.
# Already expired when it comes due means a crash came between expiring and telling.
INVITATION_EXPIRY = NudgeKind(
    "invitation_expiry", Family.INVITATION, Role.MENTEE, due=_expiry,
    applies_in=frozenset({State.INVITED, State.EXPIRED}),
    needs=frozenset({Need.RELATIONSHIP}), acts=Action.EXPIRE)

KINDS = (REPLY_BY_CHECK, INVITATION_EXPIRY)

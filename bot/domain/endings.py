"""The rules of continuing a relationship past its timeline: the mentee proposes, the
mentor answers, and agreeing adds months to a new agreement version."""

from __future__ import annotations

from bot.domain.errors import AlreadyDone, IllegalTransition
from bot.domain.relationship import Role, State

MAX_EXTRA_MONTHS = 12


def check_proposal(role: Role, state: State, extra_months: int) -> None:
    if role is not Role.MENTEE:
        raise IllegalTransition("The mentee proposes to continue; you can confirm it.")
    if state is not State.ACTIVE:
        raise IllegalTransition("Only an active relationship can be continued.")
    if not 1 <= extra_months <= MAX_EXTRA_MONTHS:
        raise IllegalTransition(f"Continue for 1 to {MAX_EXTRA_MONTHS} more months.")


def check_answer(role: Role, state: State, proposed: bool) -> None:
    if role is not Role.MENTOR:
        raise IllegalTransition("The mentor answers a proposal to continue.")
    if not proposed:
        raise AlreadyDone("Done already: there is no proposal waiting for an answer.")
    if state is not State.ACTIVE:
        raise IllegalTransition("That's no longer possible: the relationship has ended.")


def continuation_note(extra_months: int) -> str:
    """Written into the new agreement version, where both read it."""
    return f"Continued for {extra_months} more month{'s' if extra_months > 1 else ''}."

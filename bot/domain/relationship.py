"""The relationship state machine.

A relationship starts when the mentee invites a mentor and moves only through the
transitions below. Each transition names the roles allowed to make it, so a handler can
never move a relationship on behalf of the wrong person.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.errors import AlreadyDone, IllegalTransition


class State(StrEnum):
    INVITED = "invited"
    AGREED = "agreed"
    ACTIVE = "active"
    COMPLETED = "completed"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    # Nobody booked, nobody decided: mentorbot closed it kindly, and freed the mentor's place.
    LAPSED = "lapsed"


OPEN_STATES = frozenset({State.INVITED, State.AGREED, State.ACTIVE})


class Role(StrEnum):
    MENTEE = "mentee"
    MENTOR = "mentor"
    SYSTEM = "system"


class Action(StrEnum):
    INVITE = "invite"
    ACCEPT = "accept"
    SUGGEST_CHANGES = "suggest_changes"
    ACCEPT_COUNTER = "accept_counter"
    DECLINE = "decline"
    WITHDRAW = "withdraw"
    EXPIRE = "expire"
    ACTIVATE = "activate"
    COMPLETE = "complete"
    CANCEL = "cancel"
    LAPSE = "lapse"


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[State]
    target: State
    roles: frozenset[Role]
    needs_counter: bool | None = None  # None: either way; True/False: must (not) have one


def _t(action, sources, target, roles, needs_counter=None) -> Transition:
    return Transition(action, frozenset(sources), target, frozenset(roles), needs_counter)


TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in (
        _t(Action.ACCEPT, {State.INVITED}, State.AGREED, {Role.MENTOR}, needs_counter=False),
        # A counter-proposal keeps the invitation open: the mentee has the last word.
        _t(Action.SUGGEST_CHANGES, {State.INVITED}, State.INVITED, {Role.MENTOR},
           needs_counter=False),
        _t(Action.ACCEPT_COUNTER, {State.INVITED}, State.AGREED, {Role.MENTEE},
           needs_counter=True),
        _t(Action.DECLINE, {State.INVITED}, State.DECLINED, {Role.MENTOR}, needs_counter=False),
        _t(Action.WITHDRAW, {State.INVITED}, State.WITHDRAWN, {Role.MENTEE}),
        _t(Action.EXPIRE, {State.INVITED}, State.EXPIRED, {Role.SYSTEM}),
        _t(Action.ACTIVATE, {State.AGREED}, State.ACTIVE, {Role.MENTEE, Role.MENTOR}),
        # mentorbot completes only a conversation that was held and never logged.
        _t(Action.COMPLETE, {State.ACTIVE}, State.COMPLETED, {Role.MENTEE, Role.SYSTEM}),
        _t(Action.CANCEL, {State.AGREED, State.ACTIVE}, State.CANCELLED,
           {Role.MENTEE, Role.MENTOR}),
        # Asked to decide and silent for two weeks, or agreed and never confirmed in three:
        # it lapses, never in silence.
        _t(Action.LAPSE, {State.AGREED, State.ACTIVE}, State.LAPSED, {Role.SYSTEM}),
    )
}

# One conversation needs no agreement: the mentor's yes starts it, and it is taken or
# declined as asked.
CONVERSATION_TRANSITIONS: dict[Action, Transition] = {
    **TRANSITIONS,
    Action.ACCEPT: _t(Action.ACCEPT, {State.INVITED}, State.ACTIVE, {Role.MENTOR},
                      needs_counter=False),
}
NOT_FOR_A_CONVERSATION = {
    Action.SUGGEST_CHANGES: "A mentoring conversation is accepted or declined as asked.",
    Action.ACCEPT_COUNTER: "A mentoring conversation has no counter-proposal to accept.",
    Action.ACTIVATE: "A mentoring conversation needs no agreement: it starts with the yes.",
}

_DONE_PHRASES: dict[State, str] = {
    State.AGREED: "already been agreed",
    State.ACTIVE: "already started",
    State.COMPLETED: "already been completed",
    State.DECLINED: "already been declined",
    State.WITHDRAWN: "already been withdrawn",
    State.CANCELLED: "already been cancelled",
    State.EXPIRED: "expired",
    State.LAPSED: "lapsed",
}


@dataclass(frozen=True)
class Move:
    """The outcome of a legal transition."""

    action: Action
    source: State | None  # None only for the invitation that creates the relationship
    target: State
    role: Role


def open_invitation() -> Move:
    """The first move of every relationship: the mentee asks."""
    return Move(action=Action.INVITE, source=None, target=State.INVITED, role=Role.MENTEE)


def _allowed_roles_phrase(roles: frozenset[Role]) -> str:
    names = sorted(role.value for role in roles if role is not Role.SYSTEM)
    return " or ".join(f"the {name}" for name in names) or "mentorbot"


def decide(
    state: State,
    action: Action,
    role: Role,
    *,
    has_counter: bool = False,
    last_action: Action | None = None,
    conversation: bool = False,
) -> Move:
    """Check that `role` may apply `action` in `state`, and say where it leads.

    `last_action` lets a repeated click be told apart from a genuinely illegal one:
    the same action arriving twice is reported as AlreadyDone, which callers may treat
    as a harmless no-op. A `conversation` (one session, asked for as such) goes from the
    yes straight to active.
    """
    if conversation and action in NOT_FOR_A_CONVERSATION:
        raise IllegalTransition(NOT_FOR_A_CONVERSATION[action])
    transition = (CONVERSATION_TRANSITIONS if conversation else TRANSITIONS)[action]
    if role not in transition.roles:
        raise IllegalTransition(
            f"Only {_allowed_roles_phrase(transition.roles)} can do that."
        )
    if state not in transition.sources:
        if last_action is action:
            raise AlreadyDone(f"Done already: this relationship has {_DONE_PHRASES[state]}.")
        phrase = _DONE_PHRASES.get(state, f"is {state.value}")
        raise IllegalTransition(f"That's no longer possible: this relationship has {phrase}.")
    if transition.needs_counter is True and not has_counter:
        raise IllegalTransition("There is no counter-proposal to accept.")
    if transition.needs_counter is False and has_counter:
        if last_action is action:
            raise AlreadyDone("Done already: you've suggested changes and the mentee has them.")
        raise IllegalTransition(
            "You've already suggested changes; the mentee will accept them or withdraw."
        )
    return Move(action=action, source=state, target=transition.target, role=role)

import pytest

from bot.domain.errors import AlreadyDone, IllegalTransition
from bot.domain.relationship import Action, Role, State, decide, open_invitation

LEGAL = [
    (State.INVITED, Action.ACCEPT, Role.MENTOR, False, State.AGREED),
    (State.INVITED, Action.SUGGEST_CHANGES, Role.MENTOR, False, State.INVITED),
    (State.INVITED, Action.ACCEPT_COUNTER, Role.MENTEE, True, State.AGREED),
    (State.INVITED, Action.DECLINE, Role.MENTOR, False, State.DECLINED),
    (State.INVITED, Action.WITHDRAW, Role.MENTEE, False, State.WITHDRAWN),
    (State.INVITED, Action.WITHDRAW, Role.MENTEE, True, State.WITHDRAWN),
    (State.INVITED, Action.EXPIRE, Role.SYSTEM, False, State.EXPIRED),
    (State.AGREED, Action.ACTIVATE, Role.MENTOR, False, State.ACTIVE),
    (State.ACTIVE, Action.COMPLETE, Role.MENTEE, False, State.COMPLETED),
    (State.AGREED, Action.CANCEL, Role.MENTOR, False, State.CANCELLED),
    (State.ACTIVE, Action.CANCEL, Role.MENTEE, False, State.CANCELLED),
]


@pytest.mark.parametrize(("state", "action", "role", "counter", "target"), LEGAL)
def test_legal_moves_lead_where_the_machine_says(state, action, role, counter, target):
    move = decide(state, action, role, has_counter=counter)
    assert (move.source, move.target, move.role) == (state, target, role)


@pytest.mark.parametrize(("action", "role", "message"), [
    (Action.ACCEPT, Role.MENTEE, "Only the mentor"),
    (Action.DECLINE, Role.MENTEE, "Only the mentor"),
    (Action.WITHDRAW, Role.MENTOR, "Only the mentee"),
    (Action.ACCEPT_COUNTER, Role.MENTOR, "Only the mentee"),
    (Action.EXPIRE, Role.MENTEE, "Only mentorbot"),
    (Action.COMPLETE, Role.MENTOR, "Only the mentee"),
])
def test_the_wrong_person_is_refused_by_name(action, role, message):
    with pytest.raises(IllegalTransition, match=message):
        decide(State.INVITED if action is not Action.COMPLETE else State.ACTIVE, action, role)


@pytest.mark.parametrize("state", [s for s in State if s is not State.INVITED])
def test_nothing_answers_an_invitation_that_is_no_longer_pending(state):
    with pytest.raises(IllegalTransition, match="no longer possible"):
        decide(state, Action.DECLINE, Role.MENTOR)


def test_a_repeated_action_is_reported_as_already_done_not_as_an_error():
    with pytest.raises(AlreadyDone):
        decide(State.AGREED, Action.ACCEPT, Role.MENTOR, last_action=Action.ACCEPT)
    with pytest.raises(AlreadyDone):
        decide(State.INVITED, Action.SUGGEST_CHANGES, Role.MENTOR, has_counter=True,
               last_action=Action.SUGGEST_CHANGES)


def test_a_counter_proposal_must_exist_before_it_can_be_accepted():
    with pytest.raises(IllegalTransition, match="no counter-proposal"):
        decide(State.INVITED, Action.ACCEPT_COUNTER, Role.MENTEE, has_counter=False)


def test_after_suggesting_changes_the_mentor_waits_for_the_mentee():
    with pytest.raises(IllegalTransition, match="already suggested"):
        decide(State.INVITED, Action.ACCEPT, Role.MENTOR, has_counter=True,
               last_action=Action.SUGGEST_CHANGES)


def test_every_relationship_begins_with_the_mentees_invitation():
    move = open_invitation()
    assert (move.source, move.target, move.role) == (None, State.INVITED, Role.MENTEE)


@pytest.mark.parametrize(("state", "action", "role", "target"), [
    (State.INVITED, Action.ACCEPT, Role.MENTOR, State.ACTIVE),  # no agreement in between
    (State.INVITED, Action.DECLINE, Role.MENTOR, State.DECLINED),
    (State.INVITED, Action.WITHDRAW, Role.MENTEE, State.WITHDRAWN),
    (State.INVITED, Action.EXPIRE, Role.SYSTEM, State.EXPIRED),
    (State.ACTIVE, Action.COMPLETE, Role.MENTEE, State.COMPLETED),
    (State.ACTIVE, Action.CANCEL, Role.MENTOR, State.CANCELLED),
])
def test_one_conversation_goes_from_the_yes_straight_to_active(state, action, role, target):
    assert decide(state, action, role, conversation=True).target is target


@pytest.mark.parametrize(("state", "action", "role", "words"), [
    (State.INVITED, Action.SUGGEST_CHANGES, Role.MENTOR, "accepted or declined as asked"),
    (State.INVITED, Action.ACCEPT_COUNTER, Role.MENTEE, "no counter-proposal"),
    (State.AGREED, Action.ACTIVATE, Role.MENTOR, "needs no agreement"),
    (State.ACTIVE, Action.COMPLETE, Role.MENTOR, "Only the mentee"),
])
def test_a_conversation_has_no_counter_and_no_agreement(state, action, role, words):
    with pytest.raises(IllegalTransition, match=words):
        decide(state, action, role, conversation=True)

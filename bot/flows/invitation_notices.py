"""Telling the people of an invitation what became of it: one notifier per outcome, each
called from the one place its use case ends.

The mentor's invitation DM is always updated in place to say what happened, so his
buttons never offer an answer that is no longer possible."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.flows import pair_conversation as pair
from bot.flows.deps import Deps
from bot.flows.dm import send_dm, update_dm
from bot.flows.port import SlackPort
from bot.messages.agreement import agreement_prompt
from bot.messages.conversation import conversation_accepted
from bot.messages.follow_ups import follow_up_in_her_words
from bot.messages.invitation import (
    accepted_for_mentee,
    counter_for_mentee,
    declined_for_mentee,
    invitation_answered,
    outcome_for_mentor,
)
from bot.messages.kit import section
from bot.services import invitations
from bot.services.relationships import MessageRef, RelationshipView

log = logging.getLogger(__name__)


def accepted(slack: SlackPort, deps: Deps, rel: RelationshipView,
             clicked: MessageRef | None, book_by: datetime | None = None) -> None:
    _update_mentor_invitation(slack, deps, rel, clicked)
    pair.conversation(slack, deps, rel)
    if rel.terms.conversation:
        now = deps.now()
        send_dm(slack, rel.mentee_id, *conversation_accepted(
            rel, book_by, deps.directory.tz_of(rel.team_id, rel.mentee_id, now)))
        return
    text = accepted_for_mentee(rel)
    send_dm(slack, rel.mentee_id, text, agreement_prompt(rel, text))


def changes_suggested(slack: SlackPort, deps: Deps, rel: RelationshipView,
                           clicked: MessageRef | None) -> None:
    _update_mentor_invitation(slack, deps, rel, clicked)
    ref = send_dm(slack, rel.mentee_id, f"<@{rel.mentor_id}> suggested changes",
                  counter_for_mentee(rel))
    with deps.uow() as uow:
        invitations.remember_messages(uow, rel.id, counter=ref)


def changes_accepted(slack: SlackPort, deps: Deps, rel: RelationshipView) -> None:
    """His invitation, updated in place, says she took his terms: no message of its own."""
    _update_mentor_invitation(slack, deps, rel)
    pair.conversation(slack, deps, rel)


def declined(slack: SlackPort, deps: Deps, rel: RelationshipView,
                  clicked: MessageRef | None) -> None:
    _update_mentor_invitation(slack, deps, rel, clicked)
    send_dm(slack, rel.mentee_id, "Your invitation was declined",
            [section(declined_for_mentee(rel))])


def withdrawn(slack: SlackPort, deps: Deps, rel: RelationshipView) -> None:
    _update_mentor_invitation(slack, deps, rel)


def expired(slack: SlackPort, deps: Deps, rel: RelationshipView) -> None:
    """The mentee hears it from the expiry nudge itself."""
    _update_mentor_invitation(slack, deps, rel)


def _update_mentor_invitation(slack: SlackPort, deps: Deps, rel: RelationshipView,
                              clicked: MessageRef | None = None) -> None:
    """Replace the buttons of the mentor's invitation DM with what happened.

    `clicked` is the message the mentor answered on, when they did: it is the one to
    update, even if its reference is not stored yet (an answer within milliseconds)."""
    follow_up = rel.follow_up_message
    where = clicked if clicked is not None and clicked != follow_up else rel.mentor_message
    now = deps.now()
    tz = deps.directory.tz_of(rel.team_id, rel.mentor_id, now)
    outcome = outcome_for_mentor(rel, now, tz)
    if where is None:
        log.warning("relationship %s has no mentor message to update", rel.id)
    else:
        update_dm(slack, where, outcome, invitation_answered(rel, outcome))
    # Her follow-up carried the same buttons: it says the answer too, wherever it was given.
    if follow_up is not None and rel.follow_up_words is not None:
        update_dm(slack, follow_up, *follow_up_in_her_words(rel, rel.follow_up_words, outcome))

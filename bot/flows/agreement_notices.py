"""Putting each version of the agreement to the person whose turn it is, and saying once,
for both, that the mentoring has begun."""

from __future__ import annotations

from bot.domain.relationship import Role
from bot.flows import pair_conversation as pair
from bot.flows.deps import Deps
from bot.flows.dm import send_dm, update_dm
from bot.flows.port import SlackPort
from bot.messages.agreement import (
    begun_for_mentee,
    change_agreed,
    change_confirmed_for_mentee,
    edits_for_mentee,
    final_terms,
    for_mentor,
    replaced,
    replaced_by_welcome,
    shared_version,
    shared_welcome,
)
from bot.services import agreements
from bot.services.agreements import Version
from bot.services.relationships import MessageRef


def put_version(slack: SlackPort, deps: Deps, version: Version) -> None:
    """A new version is news to the other person and needs them: a new message in the
    pair's conversation (the one before it says it was replaced), else a DM."""
    rel = version.relationship
    with deps.reader() as uow:
        previous = (agreements.message_of(uow, rel.id, version.version - 1, pending_only=True)
                    if version.version > 1 else None)
    ref = pair.post(slack, deps, rel, *shared_version(version))
    if ref is None:
        if version.author is Role.MENTEE:
            ref = send_dm(slack, rel.mentor_id, f"<@{rel.mentee_id}> sent the expectations",
                          for_mentor(version))
        else:
            send_dm(slack, rel.mentee_id, f"<@{rel.mentor_id}> suggested edits",
                    edits_for_mentee(version))
    elif previous is not None and previous.channel == ref.channel:
        update_dm(slack, previous, *replaced(version))
    if ref is not None:
        with deps.uow() as uow:
            agreements.remember_mentor_message(uow, rel.id, version.version, ref)


def tell_begun(slack: SlackPort, deps: Deps, agreed: Version, confirmer_id: str,
               clicked: MessageRef | None) -> None:
    """The version both confirmed becomes the welcome with the terms, where both see it.
    The mentor's yes answers the mentee with her next step; the mentee's yes to his edits
    is news to him, so the welcome is a new message then."""
    rel = agreed.relationship
    if agreed.adjusting:
        tell_changed(slack, agreed, confirmer_id, clicked)
        return
    # The version's message may be clicked before its place is stored: the click says it.
    clicked_shared = clicked if clicked is not None and clicked.channel == rel.pair_channel \
        else None
    shared = clicked_shared or agreed.mentor_message
    in_pair = shared is not None and rel.pair_channel is not None \
        and shared.channel == rel.pair_channel
    if not in_pair:
        where = clicked or (shared if confirmer_id == rel.mentor_id else None)
        if where is not None:
            text = f"You confirmed version {agreed.version}. The mentoring has begun."
            update_dm(slack, where, text, final_terms(agreed, confirmer_id))
        other = rel.mentee_id if confirmer_id == rel.mentor_id else rel.mentor_id
        send_dm(slack, other, "The agreed terms", final_terms(agreed, other))
        return
    if confirmer_id == rel.mentor_id:
        update_dm(slack, shared, *shared_welcome(agreed))
        send_dm(slack, rel.mentee_id, *begun_for_mentee(agreed))
    else:
        update_dm(slack, shared, *replaced_by_welcome(agreed))
        pair.post(slack, deps, rel, *shared_welcome(agreed))


def tell_changed(slack: SlackPort, agreed: Version, confirmer_id: str,
                 clicked: MessageRef | None) -> None:
    """A change both confirmed replaces its proposal, in place. The mentor's yes is news
    to the mentee, who drives: she hears it. His own suggestion accepted, he sees in place."""
    rel = agreed.relationship
    where = clicked or agreed.mentor_message
    if where is not None:
        update_dm(slack, where, *change_agreed(agreed))
    if confirmer_id == rel.mentor_id:
        send_dm(slack, rel.mentee_id, *change_confirmed_for_mentee(agreed))

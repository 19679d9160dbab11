"""The forms several surfaces open (the slash command, the App Home, nudges, buttons):
each reads what it needs and returns the modal to open, or raises DomainError saying why
this person can't use it now. The listener opens it: its trigger is the listener's (the
composer, which reads a profile after it opened, is given a way to open it instead)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from bot.domain.agreement import STANDARD_KEYS, Numbers, standard_terms
from bot.domain.errors import DomainError
from bot.domain.relationship import Action, Role, State
from bot.flows.deps import Deps
from bot.messages.agreement import agreement_modal, terms_in_force, waiting_text
from bot.messages.composer import (
    composer_defaults,
    composer_modal,
    invitation_again,
    relationship_after,
)
from bot.messages.endings import complete_modal, continue_modal, end_modal
from bot.messages.follow_ups import follow_up_modal
from bot.messages.invitation import answer_context
from bot.messages.offers import offer_modal
from bot.messages.readiness import readiness_modal
from bot.messages.reminders import reminders_modal
from bot.messages.usual_times import usual_times_input, usual_times_modal
from bot.services import (
    agreements,
    composer_prefill,
    endings,
    invitations,
    offers,
    preferences,
    readiness,
    relationships,
    usual_times,
)
from bot.services.relationships import MessageRef
from bot.support.timefmt import days_from, local_today


def readiness_form(deps: Deps, team_id: str, user_id: str) -> dict:
    with deps.reader() as uow:
        answers = readiness.load(uow, team_id, user_id)
    return readiness_modal(answers)


def offer_form(deps: Deps, team_id: str, user_id: str) -> dict:
    with deps.reader() as uow:
        offer = offers.load(uow, team_id, user_id)
        said = usual_times.said(uow, team_id, user_id)
    tz = deps.directory.tz_of(team_id, user_id, deps.now())
    return offer_modal(offer, deps.settings.mentor_limit, usual_times_input(said, tz))


def usual_times_form(deps: Deps, team_id: str, user_id: str) -> dict:
    """His usual times alone: from the invitation he accepted."""
    with deps.reader() as uow:
        said = usual_times.said(uow, team_id, user_id)
    return usual_times_modal(said, deps.directory.tz_of(team_id, user_id, deps.now()))


def open_composer(deps: Deps, open_view: Callable[[dict], object], team_id: str,
                  user_id: str, mentor_id: str | None) -> None:
    """The composer, prefilled from her readiness answers. Her profile is read from Slack
    only after the form opened, and only when unknown, for the submission to come: the
    form's trigger expires in three seconds."""
    now = deps.now()
    prefill = composer_prefill.read(deps.rows, team_id, user_id)
    open_view(composer_modal(composer_defaults(mentor_id, prefill.answers,
                                               _reply_by(deps, now, prefill.tz))))
    if prefill.tz is None:
        deps.directory.lookup(team_id, user_id, now)


def composer_after(deps: Deps, team_id: str, user_id: str, relationship_id: int) -> dict:
    """The composer for the same mentor, after an ending: after her completed conversation,
    a relationship prefilled from it; after a lapse, the same ask again, prefilled from the
    invitation she sent then. Raises DomainError for anything else."""
    with deps.reader() as uow:
        rel = invitations.to_ask_again(uow, team_id, relationship_id, user_id)
    defaults = relationship_after if rel.terms.conversation else invitation_again
    now = deps.now()
    her = deps.directory.seen(team_id, user_id, now)
    reply_by = _reply_by(deps, now, her.tz if her else None)
    return composer_modal(defaults(rel.mentor_id, rel.invitation, reply_by))


def _reply_by(deps: Deps, now: datetime, tz: str | None) -> date:
    # The stored time zone, however old, is good enough for a default date.
    return days_from(local_today(now, tz),
                     deps.settings.invitation_reply_days)


def agreement_form(deps: Deps, team_id: str, user_id: str, relationship_id: int | None,
                   clicked: MessageRef | None = None, *, version: int | None = None) -> dict:
    """The mentee writes or revises; the mentor suggests an edit to the newest version
    (`version`: the one on the clicked message, refused once a newer one exists). Raises
    DomainError when this person can't do that now."""
    with deps.reader() as uow:
        rel, newest = agreements.to_edit(uow, team_id, user_id, relationship_id, version)
    is_mentor = rel.role_of(user_id) is Role.MENTOR
    if newest is not None:
        numbers, terms = newest.draft.numbers, list(newest.draft.terms)
    else:
        numbers = Numbers(rel.terms, meeting_format=rel.invitation.meeting_format)
        terms = [standard_terms(numbers)[key] for key in STANDARD_KEYS]
    view = agreement_modal(rel, numbers, terms, for_mentor=is_mentor,
                           adjusting=rel.state is State.ACTIVE)
    view["private_metadata"] = answer_context(rel, clicked)
    return view


def closing_form(deps: Deps, team_id: str, user_id: str, kind: str, *,
                 relationship_id: int | None = None, other_id: str | None = None) -> dict:
    """`complete` and `continue` (the mentee, active) or `end` (either, agreed or active)."""
    with deps.reader() as uow:
        rel = endings.closing_target(uow, team_id, user_id, kind,
                                     relationship_id=relationship_id, other_id=other_id)
    if kind == "end":
        return end_modal(rel, user_id)
    if kind == "continue":
        return continue_modal(rel)
    with deps.reader() as uow:
        answers = readiness.load(uow, team_id, user_id)
    return complete_modal(rel, answers.next_goal if answers else "")


@dataclass(frozen=True)
class Shown:
    """`/mentor agreement` answered in words, not a form: the terms, or whose turn it is."""

    text: str
    blocks: list[dict] | None = None


def agreement_or_form(deps: Deps, team_id: str, user_id: str, *,
                      relationship_id: int | None = None,
                      other_id: str | None = None) -> Shown | dict:
    """`/mentor agreement`: the form to write or revise it while agreed (mentee); the
    terms once active (either of the two); whose turn it is otherwise."""
    with deps.reader() as uow:
        rel = agreements.current_relationship(uow, team_id, user_id,
                                              relationship_id=relationship_id,
                                              other_id=other_id)
        newest = agreements.in_force(uow, team_id, rel.id, user_id) if rel else None
    if rel is not None and rel.state is State.ACTIVE and newest is not None:
        return Shown("Your agreed terms", terms_in_force(newest, user_id))
    if rel is not None and newest is not None and (
            rel.role_of(user_id) is Role.MENTOR or newest.author is Role.MENTOR):
        return Shown(waiting_text(newest, rel.role_of(user_id)))
    if rel is None and other_id is not None:
        raise DomainError(f"You have no mentoring relationship with <@{other_id}> that "
                          "has an agreement yet.")
    return agreement_form(deps, team_id, user_id, rel.id if rel else None)


def answer_form(deps: Deps, team_id: str, user_id: str, relationship_id: int,
                clicked: MessageRef | None, action: Action, build) -> dict:
    """The mentor's Suggest changes or Decline form, if he may still answer so."""
    with deps.reader() as uow:
        rel = relationships.check(uow, team_id, relationship_id, user_id, action)
    return build(rel, clicked)


def reminders_form(deps: Deps, team_id: str, user_id: str) -> dict:
    with deps.reader() as uow:
        prefs = preferences.of(uow, team_id, user_id)
        roles = preferences.roles_of(uow, team_id, user_id)
        said = usual_times.said(uow, team_id, user_id) if Role.MENTOR in roles else ""
    usual = (usual_times_input(said, deps.directory.tz_of(team_id, user_id, deps.now()))
             if Role.MENTOR in roles else None)
    return reminders_modal(prefs, deps.quiet_hours, roles, deps.settings.mentor_starting_soon,
                           usual)


def follow_up_form(deps: Deps, team_id: str, user_id: str, relationship_id: int,
                   clicked: MessageRef | None) -> dict:
    """Her one follow-up: her words, prefilled with a kind draft she may edit."""
    with deps.reader() as uow:
        rel = invitations.may_follow_up(uow, team_id, relationship_id, user_id)
    return follow_up_modal(rel, answer_context(rel, clicked))

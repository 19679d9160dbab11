"""Writing, editing and confirming the expectations agreement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from bot.db import models
from bot.db.queries import agreed_agreement, newest_agreement
from bot.db.uow import UnitOfWork
from bot.domain.agreement import Changes, Draft, Numbers, changes, following_numbers
from bot.domain.errors import AlreadyDone, Ambiguous, DomainError, IllegalTransition
from bot.domain.invitation import Cadence, MeetingFormat, Terms
from bot.domain.nudges import DEFAULT_TIMING, Timing
from bot.domain.relationship import Action, Role, State
from bot.services import nudges, relationships
from bot.services.relationships import MessageRef, RelationshipView


@dataclass(frozen=True)
class Version:
    relationship: RelationshipView
    version: int
    author: Role
    draft: Draft
    note: str | None
    agreed: bool
    mentor_message: MessageRef | None
    # Once active, a version changes the agreed one: what it changes.
    changes: Changes | None = None

    @property
    def adjusting(self) -> bool:
        return self.changes is not None


class Stale(DomainError):
    def __init__(self, newest: int) -> None:
        super().__init__(f"That version has been replaced by version {newest}; nothing was "
                         "confirmed. Look for the newest one in your messages.")


def _draft(row: models.AgreementVersion, rel: RelationshipView) -> Draft:
    numbers = Numbers(Terms(Cadence(row.cadence), row.minutes, row.months),
                      row.reschedule_notice_hours, row.agenda_lead_days,
                      MeetingFormat(row.meeting_format) if row.meeting_format
                      else rel.invitation.meeting_format)
    return Draft(numbers, tuple(row.terms))


def _version(row: models.AgreementVersion, rel: RelationshipView,
             agreed_before: models.AgreementVersion | None = None) -> Version:
    ref = MessageRef(row.mentor_channel, row.mentor_ts) if row.mentor_ts else None
    draft = _draft(row, rel)
    return Version(rel, row.version, Role(row.author_role), draft, row.note,
                   bool(row.mentee_confirmed_at and row.mentor_confirmed_at), ref,
                   changes(_draft(agreed_before, rel), draft) if agreed_before else None)


def _agreed_before(uow: UnitOfWork, rel: RelationshipView, version: int
                   ) -> models.AgreementVersion | None:
    """While active, the version both confirmed before `version`: the one it changes."""
    if rel.state is not State.ACTIVE:
        return None
    A = models.AgreementVersion
    return uow.session.scalars(select(A).where(
        A.relationship_id == rel.id, A.version < version, A.mentee_confirmed_at.is_not(None),
        A.mentor_confirmed_at.is_not(None)).order_by(A.version.desc()).limit(1)).first()


def newest(uow: UnitOfWork, team_id: str, relationship_id: int, reader_id: str
           ) -> Version | None:
    """The newest version, for one of the relationship's two people only."""
    rel = relationships.get(uow, team_id, relationship_id, reader_id)
    row = newest_agreement(uow, relationship_id)
    return _version(row, rel, _agreed_before(uow, rel, row.version)) if row else None


def in_force(uow: UnitOfWork, team_id: str, relationship_id: int, reader_id: str
             ) -> Version | None:
    """The version that governs: once active, the newest both confirmed (a change still
    proposed does not count yet); before, the newest."""
    rel = relationships.get(uow, team_id, relationship_id, reader_id)
    if rel.state is not State.ACTIVE:
        return newest(uow, team_id, relationship_id, reader_id)
    row = agreed_agreement(uow, relationship_id)
    return _version(row, rel) if row else None


def current_relationship(uow: UnitOfWork, team_id: str, user_id: str, *,
                         relationship_id: int | None = None, other_id: str | None = None
                         ) -> RelationshipView | None:
    """The relationship that has, or needs, an agreement: the one given, the one with the
    person named, or the only one; None when there is none. Several is Ambiguous."""
    choices = [rel for rel in relationships.of_person(uow, team_id, user_id)
               if rel.state in (State.AGREED, State.ACTIVE) and not rel.terms.conversation
               and relationship_id in (None, rel.id)
               and other_id in (None, rel.mentee_id, rel.mentor_id)]
    if len(choices) > 1:
        raise Ambiguous("agreement", choices)
    return choices[0] if choices else None


def propose(uow: UnitOfWork, team_id: str, relationship_id: int, author_id: str,
            draft: Draft, now: datetime, note: str | None = None,
            timing: Timing = DEFAULT_TIMING) -> Version:
    """A new version: the mentee writes or revises, the mentor suggests an edit; once
    active, either proposes a change to the agreed version, for the other to confirm."""
    rel = relationships.get(uow, team_id, relationship_id, author_id)
    role = rel.role_of(author_id)
    if rel.terms.conversation:
        raise IllegalTransition(CONVERSATION_NEEDS_NONE)
    if rel.state not in (State.AGREED, State.ACTIVE):
        raise IllegalTransition(_SETTLED.get(rel.state, _NOT_YET))
    previous = newest_agreement(uow, relationship_id)
    if previous is None and role is not Role.MENTEE:
        raise IllegalTransition("The mentee writes the first version of the agreement.")
    agreed = _agreed_before(uow, rel, previous.version + 1) if previous else None
    if agreed is not None:
        draft = following_numbers(draft, _draft(agreed, rel).numbers)
        if not changes(_draft(agreed, rel), draft):
            raise IllegalTransition("That is the agreement as it stands: change something "
                                    "first, or close this form.")
    numbers = draft.numbers
    row = models.AgreementVersion(
        team_id=team_id, relationship_id=relationship_id,
        version=(previous.version if previous else 0) + 1, author_role=role.value,
        terms=list(draft.terms), cadence=numbers.terms.cadence.value,
        minutes=numbers.terms.minutes, months=numbers.terms.months,
        reschedule_notice_hours=numbers.reschedule_notice_hours,
        agenda_lead_days=numbers.agenda_lead_days, meeting_format=numbers.meeting_format.value,
        note=note or None, created_at=now,
        # Sending a version is its author's confirmation of it.
        mentee_confirmed_at=now if role is Role.MENTEE else None,
        mentor_confirmed_at=now if role is Role.MENTOR else None,
    )
    uow.session.add(row)
    try:
        uow.session.flush()
    except IntegrityError:
        uow.session.rollback()
        raise AlreadyDone("Someone sent a version at the same moment; look at the newest "
                          "one in your messages.") from None
    nudges.replan(uow, uow.session.get(models.Relationship, relationship_id), timing)
    uow.commit()
    return _version(row, rel, agreed)


CONVERSATION_NEEDS_NONE = ("A mentoring conversation needs no agreement: the mentee books it "
                           "with `/mentor schedule`.")
_NOT_YET = "The agreement comes once the invitation is accepted."
_SETTLED = {State.COMPLETED: "This mentoring is completed, so its agreement no longer "
                             "changes. To work together again, send a new invitation.",
            State.CANCELLED: "This mentoring has ended, so its agreement no longer changes."}



def to_edit(uow: UnitOfWork, team_id: str, user_id: str, relationship_id: int | None,
            version: int | None = None) -> tuple[RelationshipView, Version | None]:
    """The relationship whose agreement this person may write or change now, and its
    newest version: the mentee writes or revises, the mentor suggests an edit once there
    is a version (`version`: the one clicked, refused once a newer one exists)."""
    rel = (relationships.get(uow, team_id, relationship_id, user_id) if relationship_id
           else current_relationship(uow, team_id, user_id))
    if rel is None and any(r.terms.conversation and r.state is State.ACTIVE
                           for r in relationships.of_person(uow, team_id, user_id)):
        raise DomainError(CONVERSATION_NEEDS_NONE)
    if rel is None:
        raise DomainError("You have no accepted mentoring relationship yet: the agreement "
                          "comes after an invitation is accepted.")
    newest_version = newest(uow, team_id, rel.id, user_id)
    if version is not None and newest_version is not None \
            and newest_version.version != version:
        raise Stale(newest_version.version)
    if rel.terms.conversation:
        raise DomainError(CONVERSATION_NEEDS_NONE)
    if rel.state not in (State.AGREED, State.ACTIVE):
        raise DomainError("This mentoring has ended, so its agreement no longer changes.")
    if rel.role_of(user_id) is Role.MENTOR and newest_version is None:
        raise DomainError(f"<@{rel.mentee_id}> writes the first version; you'll get it here.")
    return rel, newest_version

def message_of(uow: UnitOfWork, relationship_id: int, version: int, *,
               pending_only: bool = False) -> MessageRef | None:
    """Where a version was put to its reader, if it was (and, `pending_only`, if it is
    still unconfirmed: an agreed version's message is its record and stays)."""
    A = models.AgreementVersion
    row = uow.session.scalars(select(A).where(A.relationship_id == relationship_id,
                                              A.version == version)).first()
    if row is None or not row.mentor_ts or (
            pending_only and row.mentee_confirmed_at and row.mentor_confirmed_at):
        return None
    return MessageRef(row.mentor_channel, row.mentor_ts)


def remember_mentor_message(uow: UnitOfWork, relationship_id: int, version: int,
                            ref: MessageRef) -> None:
    A = models.AgreementVersion
    uow.session.execute(update(A).where(A.relationship_id == relationship_id,
                                        A.version == version)
                        .values(mentor_channel=ref.channel, mentor_ts=ref.ts))
    uow.commit()


def confirm(uow: UnitOfWork, team_id: str, relationship_id: int, actor_id: str,
            version: int, now: datetime, timing: Timing = DEFAULT_TIMING) -> Version:
    """The other side confirms a version; when both have, the relationship goes active
    and the agreed numbers become its settings."""
    rel = relationships.get(uow, team_id, relationship_id, actor_id)
    role = rel.role_of(actor_id)
    row = newest_agreement(uow, relationship_id)
    if row is None:
        raise IllegalTransition("There is no agreement to confirm yet.")
    if row.version != version:
        raise Stale(row.version)
    if row.mentee_confirmed_at and row.mentor_confirmed_at:
        raise AlreadyDone("Done already: you have both confirmed this agreement.")
    agreed_before = _agreed_before(uow, rel, row.version)
    column = "mentee_confirmed_at" if role is Role.MENTEE else "mentor_confirmed_at"
    if getattr(row, column) is not None:
        raise AlreadyDone("You've confirmed this version; it's with the other person now.")
    A = models.AgreementVersion
    # Conditional on the column being empty: two confirming clicks cannot both count.
    confirmed = uow.session.execute(
        update(A).where(A.id == row.id, getattr(A, column).is_(None)).values({column: now})
        .execution_options(synchronize_session=False))
    if confirmed.rowcount != 1:
        raise AlreadyDone("Done already.")
    relationship = uow.session.get(models.Relationship, relationship_id)
    relationship.cadence, relationship.minutes, relationship.months = (
        row.cadence, row.minutes, row.months)
    relationship.reschedule_notice_hours = row.reschedule_notice_hours
    relationship.agenda_lead_days = row.agenda_lead_days
    if row.meeting_format:
        relationship.meeting_format = row.meeting_format
    if rel.state is State.ACTIVE:
        # A change along the way: the rhythm, reminders and timeline follow it from now.
        nudges.replan(uow, relationship, timing)
        uow.commit()
        uow.session.refresh(row)
        return _version(row, relationships.view_of(relationship), agreed_before)
    relationships.apply_move(uow, relationship, actor_id, Action.ACTIVATE, now)
    activated = relationships.commit_move(uow, relationship, actor_id, Action.ACTIVATE, timing)
    uow.session.refresh(row)
    return _version(row, activated)


def record_reminder(uow: UnitOfWork, team_id: str, relationship_id: int, actor_id: str,
                    now: datetime) -> Version:
    """The mentee's one reminder to the mentor about the newest version."""
    rel = relationships.get(uow, team_id, relationship_id, actor_id)
    if rel.role_of(actor_id) is not Role.MENTEE:
        raise IllegalTransition("Only the mentee can send this reminder.")
    row = newest_agreement(uow, relationship_id)
    if row is None or row.mentor_confirmed_at is not None:
        raise AlreadyDone("No need: the agreement is settled.")
    A = models.AgreementVersion
    # One reminder per relationship, not per version: the mentor hears from us once.
    already = uow.session.scalar(select(A.id).where(A.relationship_id == relationship_id,
                                                    A.reminded_at.is_not(None)).limit(1))
    sent = uow.session.execute(update(A).where(A.id == row.id, A.reminded_at.is_(None))
                               .values(reminded_at=now)
                               .execution_options(synchronize_session=False))
    if already is not None or sent.rowcount != 1:
        raise AlreadyDone("Done already: one reminder is enough.")
    uow.commit()
    return _version(row, rel)

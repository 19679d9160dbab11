"""Inviting a mentor and answering an invitation."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from bot.db import models
from bot.db.locks import hold_until_commit
from bot.db.queries import mentoring_now
from bot.db.uow import UnitOfWork
from bot.domain.errors import (
    AlreadyDone,
    DomainError,
    InviteeRefused,
    NotYourRelationship,
    Refusal,
)
from bot.domain.invitation import Ask, Cadence, Invitation, MeetingFormat, Terms
from bot.domain.nudges import DEFAULT_TIMING, Timing
from bot.domain.relationship import OPEN_STATES, Action, Role, State, open_invitation
from bot.services import nudges, relationships
from bot.services.people import Profile
from bot.support.timefmt import end_of_day

_OPEN = [state.value for state in OPEN_STATES]


# ---- inviting --------------------------------------------------------------------------------

def _open_between(uow: UnitOfWork, team_id: str, a: str, b: str) -> models.Relationship | None:
    R = models.Relationship
    return uow.session.scalars(
        select(R).where(
            R.team_id == team_id,
            R.state.in_(_OPEN),
            or_((R.mentee_id == a) & (R.mentor_id == b), (R.mentee_id == b) & (R.mentor_id == a)),
        )
    ).unique().first()


def _open_as_mentor(uow: UnitOfWork, team_id: str, mentor_id: str) -> int:
    return mentoring_now(uow, team_id, [mentor_id])[mentor_id]


def _unanswered_by(uow: UnitOfWork, team_id: str, mentor_id: str) -> int:
    """His places held by invitations he has not answered yet: they may still open."""
    R = models.Relationship
    return uow.session.scalar(select(func.count()).select_from(R).where(
        R.team_id == team_id, R.mentor_id == mentor_id, R.state == State.INVITED.value)) or 0


def check_invitee(
    uow: UnitOfWork,
    team_id: str,
    mentee_id: str,
    mentor_id: str,
    mentor: Profile | None,
    mentor_limit: int,
) -> None:
    """Raise InviteeRefused with the reason unless `mentor` can be invited by the mentee."""
    if mentor_id == mentee_id:
        raise InviteeRefused(Refusal.SELF, mentor_id)
    if mentor is None:
        raise InviteeRefused(Refusal.UNKNOWN, mentor_id)
    if mentor.is_bot:
        raise InviteeRefused(Refusal.BOT, mentor_id)
    if mentor.deleted:
        raise InviteeRefused(Refusal.DEACTIVATED, mentor_id)
    # Under an org-wide install the scope is the organisation: anyone in it may be asked.
    if mentor.home_team_id and team_id not in (mentor.home_team_id, mentor.enterprise_id):
        raise InviteeRefused(Refusal.OTHER_WORKSPACE, mentor_id)
    existing = _open_between(uow, team_id, mentee_id, mentor_id)
    if existing is not None:
        raise InviteeRefused(Refusal.ALREADY_OPEN, mentor_id, state=existing.state)
    taken = _open_as_mentor(uow, team_id, mentor_id)
    if taken >= mentor_limit:
        raise InviteeRefused(Refusal.MENTOR_FULL, mentor_id, limit=mentor_limit,
                             unanswered=_unanswered_by(uow, team_id, mentor_id))
    # Their own word about taking mentees counts as much as the workspace's limit.
    offer = uow.session.get(models.MentoringOffer, (team_id, mentor_id))
    if offer is not None and offer.paused_at is not None:
        raise InviteeRefused(Refusal.MENTOR_PAUSED, mentor_id)
    if offer is not None and taken >= offer.capacity:
        raise InviteeRefused(Refusal.MENTOR_AT_OWN_LIMIT, mentor_id, limit=offer.capacity,
                             unanswered=_unanswered_by(uow, team_id, mentor_id))


def _invitation_to_json(invitation: Invitation) -> dict:
    data = asdict(invitation)
    data["reply_by"] = invitation.reply_by.isoformat()
    return data


def _invitation_from_json(data: dict) -> Invitation:
    terms = data["terms"]
    return Invitation(
        intro=data["intro"],
        why_them=data["why_them"],
        terms=Terms(Cadence(terms["cadence"]), terms["minutes"], terms["months"],
                    Ask(terms.get("ask", Ask.RELATIONSHIP))),
        meeting_format=MeetingFormat(data["meeting_format"]),
        handles_logistics=data["handles_logistics"],
        reply_by=date.fromisoformat(data["reply_by"]),
        offer=data["offer"],
    )


@dataclass(frozen=True)
class Draft:
    id: int
    mentee_id: str
    mentor_id: str
    invitation: Invitation


def save_draft(
    uow: UnitOfWork, team_id: str, mentee_id: str, mentor_id: str, invitation: Invitation,
    now: datetime,
) -> Draft:
    row = models.InvitationDraft(
        team_id=team_id, mentee_id=mentee_id, mentor_id=mentor_id,
        body=_invitation_to_json(invitation), created_at=now,
    )
    uow.session.add(row)
    uow.commit()
    return Draft(row.id, mentee_id, mentor_id, invitation)


def load_draft(uow: UnitOfWork, team_id: str, mentee_id: str, draft_id: int) -> Draft:
    row = uow.session.get(models.InvitationDraft, draft_id)
    if row is None or row.team_id != team_id or row.mentee_id != mentee_id:
        raise DomainError("That invitation draft is gone. Start again with `/mentor invite`.")
    return Draft(row.id, row.mentee_id, row.mentor_id, _invitation_from_json(row.body))


def send(
    uow: UnitOfWork,
    team_id: str,
    mentee_id: str,
    draft_id: int,
    mentee_tz: str,
    mentor: Profile | None,
    mentor_limit: int,
    now: datetime,
    timing: Timing = DEFAULT_TIMING,
) -> relationships.RelationshipView:
    """Turn a previewed draft into an invitation. Checks run again: time has passed."""
    draft_row = uow.session.get(models.InvitationDraft, draft_id)
    draft = load_draft(uow, team_id, mentee_id, draft_id)
    if draft_row.sent_relationship_id is not None:
        raise AlreadyDone("Done already: this invitation has been sent.")
    # Two mentees inviting one mentor at once must not both slip under the limit.
    hold_until_commit(uow, "mentor-limit", team_id, draft.mentor_id)
    check_invitee(uow, team_id, mentee_id, draft.mentor_id, mentor, mentor_limit)
    invitation = draft.invitation
    move = open_invitation()
    row = models.Relationship(
        team_id=team_id, mentee_id=mentee_id, mentor_id=draft.mentor_id,
        state=move.target.value, last_action=move.action.value,
        cadence=invitation.terms.cadence.value, minutes=invitation.terms.minutes,
        months=invitation.terms.months, meeting_format=invitation.meeting_format.value,
        ask=invitation.terms.ask.value, created_at=now, invited_at=now,
    )
    row.invitation = models.Invitation(
        team_id=team_id, intro=invitation.intro, why_them=invitation.why_them,
        offer=invitation.offer, handles_logistics=invitation.handles_logistics,
        reply_by=invitation.reply_by, reply_by_at=end_of_day(invitation.reply_by, mentee_tz),
    )
    uow.session.add(row)
    try:
        uow.session.flush()
        draft_row.sent_relationship_id = row.id
        relationships.record_transition(uow, row, mentee_id, move, now)
        nudges.replan(uow, row, timing)
        uow.commit()
    except (IntegrityError, StaleDataError):
        # Two previews of the same invitation submitted at once: one wins.
        uow.session.rollback()
        raise AlreadyDone("Done already: this invitation has been sent.") from None
    return relationships.view_of(row)


def remember_messages(
    uow: UnitOfWork, relationship_id: int, *, mentor: relationships.MessageRef | None = None,
    counter: relationships.MessageRef | None = None,
    follow_up: relationships.MessageRef | None = None,
) -> None:
    inv = uow.session.get(models.Invitation, relationship_id)
    if mentor is not None:
        inv.mentor_channel, inv.mentor_ts = mentor.channel, mentor.ts
    if follow_up is not None:
        inv.follow_up_channel, inv.follow_up_ts = follow_up.channel, follow_up.ts
    if counter is not None:
        inv.counter_channel, inv.counter_ts = counter.channel, counter.ts
    uow.commit()


# ---- answering -------------------------------------------------------------------------------

def act(
    uow: UnitOfWork,
    team_id: str,
    relationship_id: int,
    actor_id: str,
    action: Action,
    now: datetime,
    *,
    counter: Terms | None = None,
    counter_format: MeetingFormat | None = None,
    note: str | None = None,
    timing: Timing = DEFAULT_TIMING,
) -> relationships.RelationshipView:
    """Apply one transition, recorded in the audit trail; at most once however often asked."""
    row = relationships.row_of(uow, team_id, relationship_id)
    relationships.apply_move(uow, row, actor_id, action, now)
    inv = row.invitation
    if action is Action.SUGGEST_CHANGES:
        assert counter is not None
        inv.counter_cadence = counter.cadence.value
        inv.counter_minutes, inv.counter_months = counter.minutes, counter.months
        inv.counter_note = note or None
        inv.counter_format = counter_format.value if counter_format else None
        inv.countered_at = now
    elif action is Action.ACCEPT_COUNTER:
        inv.asked_cadence, inv.asked_minutes, inv.asked_months, inv.asked_format = (
            row.cadence, row.minutes, row.months, row.meeting_format)
        row.cadence, row.minutes, row.months = (
            inv.counter_cadence, inv.counter_minutes, inv.counter_months)
        row.meeting_format = inv.counter_format or row.meeting_format
    elif action is Action.DECLINE:
        inv.decline_reason = note or None
    return relationships.commit_move(uow, row, actor_id, action, timing)


def to_ask_again(uow: UnitOfWork, team_id: str, relationship_id: int,
                 actor_id: str) -> relationships.RelationshipView:
    """The ended relationship its mentee may ask again from: after her completed
    conversation, a relationship; after a lapse, the same ask (else a refusal)."""
    view = relationships.get(uow, team_id, relationship_id, actor_id)
    mentee = view.role_of(actor_id) is Role.MENTEE
    if mentee and (view.state is State.LAPSED or (
            view.terms.conversation and view.state is State.COMPLETED)):
        return view
    if view.terms.conversation:
        raise DomainError("The mentee proposes a relationship once her conversation is "
                          "complete.")
    raise DomainError("The mentee invites again, once the mentoring has lapsed.")


def may_follow_up(uow: UnitOfWork, team_id: str, relationship_id: int,
                  actor_id: str) -> relationships.RelationshipView:
    """The invitation its mentee may still follow up on (else a refusal saying why)."""
    view = relationships.get(uow, team_id, relationship_id, actor_id)
    if view.role_of(actor_id) is not Role.MENTEE:
        raise DomainError("The mentee follows up on their own invitation.")
    if view.state is not State.INVITED:
        raise AlreadyDone(f"No need: <@{view.mentor_id}> has answered already.")
    return view


def record_follow_up(uow: UnitOfWork, team_id: str, relationship_id: int, actor_id: str,
                     words: str, now: datetime) -> relationships.RelationshipView:
    """The mentee's one polite follow-up, sent through mentorbot; never a second."""
    row = relationships.row_of(uow, team_id, relationship_id)
    view = relationships.view_of(row)
    if view.role_of(actor_id) is not Role.MENTEE:
        raise NotYourRelationship()
    if view.state is not State.INVITED:
        raise AlreadyDone(f"No need: <@{view.mentor_id}> has answered already.")
    updated = uow.session.execute(
        update(models.Invitation)
        .where(models.Invitation.relationship_id == row.id,
               models.Invitation.followed_up_at.is_(None))
        .values(followed_up_at=now, follow_up_words=words))
    uow.commit()
    if updated.rowcount != 1:
        raise AlreadyDone("Done already: your follow-up went out, and one is enough.")
    return view

"""Inviting a mentor and answering an invitation."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from bot.db import models
from bot.db.locks import hold_until_commit
from bot.db.uow import UnitOfWork
from bot.domain.errors import AlreadyDone, DomainError, InviteeRefused, NotYourRelationship
from bot.domain.invitation import Cadence, Invitation, MeetingFormat, Terms
from bot.domain.nudges import DEFAULT_TIMING, Timing

__all__ = ["DEFAULT_TIMING"]
from bot.domain.relationship import OPEN_STATES, Action, Move, Role, State, decide, open_invitation
from bot.services import nudges
from bot.services.people import Profile
from bot.timefmt import end_of_day

log = logging.getLogger(__name__)

SYSTEM_ACTOR = "mentorbot"
_OPEN = [state.value for state in OPEN_STATES]


@dataclass(frozen=True)
class MessageRef:
    channel: str
    ts: str


@dataclass(frozen=True)
class RelationshipView:
    """A read-only snapshot handed to handlers and Block Kit builders."""

    id: int
    team_id: str
    mentee_id: str
    mentor_id: str
    state: State
    terms: Terms
    invitation: Invitation
    reply_by_at: datetime
    counter: Terms | None
    counter_note: str | None
    decline_reason: str | None
    mentor_message: MessageRef | None
    counter_message: MessageRef | None

    def role_of(self, user_id: str) -> Role:
        if user_id == self.mentee_id:
            return Role.MENTEE
        if user_id == self.mentor_id:
            return Role.MENTOR
        raise NotYourRelationship()


class NotFound(DomainError):
    def __init__(self) -> None:
        super().__init__("I can't find that mentoring relationship any more.")


# ---- reading ---------------------------------------------------------------------------------

def _ref(channel: str | None, ts: str | None) -> MessageRef | None:
    return MessageRef(channel, ts) if channel and ts else None


def view_of(row: models.Relationship) -> RelationshipView:
    inv = row.invitation
    terms = Terms(Cadence(row.cadence), row.minutes, row.months)
    counter = (
        Terms(Cadence(inv.counter_cadence), inv.counter_minutes, inv.counter_months)
        if inv.countered_at is not None and inv.counter_cadence
        else None
    )
    invitation = Invitation(
        intro=inv.intro,
        why_them=inv.why_them,
        terms=terms,
        meeting_format=MeetingFormat(row.meeting_format),
        handles_logistics=inv.handles_logistics,
        reply_by=inv.reply_by,
        offer=inv.offer,
    )
    return RelationshipView(
        id=row.id,
        team_id=row.team_id,
        mentee_id=row.mentee_id,
        mentor_id=row.mentor_id,
        state=State(row.state),
        terms=terms,
        invitation=invitation,
        reply_by_at=inv.reply_by_at,
        counter=counter,
        counter_note=inv.counter_note,
        decline_reason=inv.decline_reason,
        mentor_message=_ref(inv.mentor_channel, inv.mentor_ts),
        counter_message=_ref(inv.counter_channel, inv.counter_ts),
    )


def _row(uow: UnitOfWork, team_id: str, relationship_id: int) -> models.Relationship:
    row = uow.session.get(models.Relationship, relationship_id)
    if row is None or row.team_id != team_id:
        raise NotFound()
    return row


def get(uow: UnitOfWork, team_id: str, relationship_id: int, reader_id: str) -> RelationshipView:
    """The relationship, for one of its two people only."""
    view = view_of(_row(uow, team_id, relationship_id))
    view.role_of(reader_id)
    return view


def of_person(uow: UnitOfWork, team_id: str, user_id: str) -> list[RelationshipView]:
    rows = uow.session.scalars(
        select(models.Relationship)
        .where(
            models.Relationship.team_id == team_id,
            or_(models.Relationship.mentee_id == user_id,
                models.Relationship.mentor_id == user_id),
        )
        .order_by(models.Relationship.created_at.desc())
    ).unique()
    return [view_of(row) for row in rows]


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
    R = models.Relationship
    return uow.session.scalar(
        select(func.count()).select_from(R).where(
            R.team_id == team_id, R.mentor_id == mentor_id, R.state.in_(_OPEN)
        )
    ) or 0


def check_invitee(
    uow: UnitOfWork,
    team_id: str,
    mentee_id: str,
    mentor_id: str,
    mentor: Profile | None,
    mentor_limit: int,
) -> None:
    """Raise InviteeRefused, saying why, unless `mentor` can be invited by the mentee."""
    if mentor_id == mentee_id:
        raise InviteeRefused(
            "You can't be your own mentor: choose someone whose experience you want to learn from."
        )
    if mentor is None:
        raise InviteeRefused("I can't find that person on Slack. Pick someone from the list.")
    if mentor.is_bot:
        raise InviteeRefused(f"<@{mentor_id}> is an app, not a person. Choose a colleague.")
    if mentor.deleted:
        raise InviteeRefused(f"<@{mentor_id}>'s account is deactivated, so they can't be invited.")
    if mentor.home_team_id and mentor.home_team_id != team_id:
        raise InviteeRefused(
            f"<@{mentor_id}> belongs to another workspace; mentorbot connects people within "
            "this one."
        )
    existing = _open_between(uow, team_id, mentee_id, mentor_id)
    if existing is not None:
        raise InviteeRefused(
            f"You already have an open mentoring relationship with <@{mentor_id}> "
            f"({existing.state}). See `/mentor status`."
        )
    if _open_as_mentor(uow, team_id, mentor_id) >= mentor_limit:
        raise InviteeRefused(
            f"<@{mentor_id}> already has {mentor_limit} open mentoring relationships, the most "
            "this workspace allows. Ask someone else, or ask them again later."
        )


def _invitation_to_json(invitation: Invitation) -> dict:
    data = asdict(invitation)
    data["reply_by"] = invitation.reply_by.isoformat()
    return data


def _invitation_from_json(data: dict) -> Invitation:
    terms = data["terms"]
    return Invitation(
        intro=data["intro"],
        why_them=data["why_them"],
        terms=Terms(Cadence(terms["cadence"]), terms["minutes"], terms["months"]),
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


def _record(uow: UnitOfWork, row: models.Relationship, actor_id: str, move: Move,
            now: datetime) -> None:
    uow.session.add(models.TransitionRecord(
        team_id=row.team_id, relationship_id=row.id, actor_id=actor_id,
        actor_role=move.role.value, action=move.action.value,
        from_state=move.source.value if move.source else "new", to_state=move.target.value,
        at=now,
    ))


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
) -> RelationshipView:
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
        created_at=now, invited_at=now,
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
        _record(uow, row, mentee_id, move, now)
        nudges.replan(uow, row, timing)
        uow.commit()
    except (IntegrityError, StaleDataError):
        # Two previews of the same invitation submitted at once: one wins.
        uow.session.rollback()
        raise AlreadyDone("Done already: this invitation has been sent.") from None
    return view_of(row)


def remember_messages(
    uow: UnitOfWork, relationship_id: int, *, mentor: MessageRef | None = None,
    counter: MessageRef | None = None,
) -> None:
    inv = uow.session.get(models.Invitation, relationship_id)
    if mentor is not None:
        inv.mentor_channel, inv.mentor_ts = mentor.channel, mentor.ts
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
    note: str | None = None,
    timing: Timing = DEFAULT_TIMING,
) -> RelationshipView:
    """Apply one transition, recorded in the audit trail; at most once however often asked."""
    row = _row(uow, team_id, relationship_id)
    apply_move(uow, row, actor_id, action, now)
    inv = row.invitation
    if action is Action.SUGGEST_CHANGES:
        assert counter is not None
        inv.counter_cadence = counter.cadence.value
        inv.counter_minutes, inv.counter_months = counter.minutes, counter.months
        inv.counter_note = note or None
        inv.countered_at = now
    elif action is Action.ACCEPT_COUNTER:
        row.cadence, row.minutes, row.months = (
            inv.counter_cadence, inv.counter_minutes, inv.counter_months)
    elif action is Action.DECLINE:
        inv.decline_reason = note or None
    return commit_move(uow, row, actor_id, action, timing)


def apply_move(uow: UnitOfWork, row: models.Relationship, actor_id: str, action: Action,
               now: datetime) -> Move:
    """Decide and apply one transition to a loaded row, with its audit record; no commit."""
    move = _decide(row, actor_id, action)
    row.state = move.target.value
    row.last_action = action.value
    if move.target is not move.source:
        setattr(row, f"{move.target.value}_at", now)
    _record(uow, row, actor_id, move, now)
    return move


def commit_move(uow: UnitOfWork, row: models.Relationship, actor_id: str, action: Action,
                timing: Timing) -> RelationshipView:
    """Re-plan the nudges and commit; a concurrent change to the row wins and we say so."""
    team_id, relationship_id = row.team_id, row.id
    try:
        # Planning reads the outbox, which flushes the update: a lost race shows here.
        nudges.replan(uow, row, timing)
        uow.commit()
    except StaleDataError:
        # Someone else moved it first (a double click, a retry, the other person).
        log.info("relationship %s: %s lost a race to a concurrent change", relationship_id,
                 action.value)
        uow.session.rollback()
        fresh = _row(uow, team_id, relationship_id)
        uow.session.refresh(fresh)
        _decide(fresh, actor_id, action)
        raise AlreadyDone("Done already.") from None
    return view_of(row)


def record_follow_up(uow: UnitOfWork, team_id: str, relationship_id: int, actor_id: str,
                     now: datetime) -> RelationshipView:
    """The mentee's one polite follow-up, sent through mentorbot; never a second."""
    row = _row(uow, team_id, relationship_id)
    view = view_of(row)
    if view.role_of(actor_id) is not Role.MENTEE:
        raise NotYourRelationship()
    if view.state is not State.INVITED:
        raise AlreadyDone(f"No need: <@{view.mentor_id}> has answered already.")
    updated = uow.session.execute(
        update(models.Invitation)
        .where(models.Invitation.relationship_id == row.id,
               models.Invitation.followed_up_at.is_(None))
        .values(followed_up_at=now))
    uow.commit()
    if updated.rowcount != 1:
        raise AlreadyDone("Done already: your follow-up went out, and one is enough.")
    return view


def _decide(row: models.Relationship, actor_id: str, action: Action) -> Move:
    role = Role.SYSTEM if actor_id == SYSTEM_ACTOR else view_of(row).role_of(actor_id)
    return decide(
        State(row.state), action, role,
        has_counter=row.invitation.countered_at is not None,
        last_action=Action(row.last_action) if row.last_action else None,
    )
def check(uow: UnitOfWork, team_id: str, relationship_id: int, actor_id: str,
          action: Action) -> RelationshipView:
    """Raise unless `actor_id` may apply `action` now; used before opening a form for it."""
    row = _row(uow, team_id, relationship_id)
    _decide(row, actor_id, action)
    return view_of(row)

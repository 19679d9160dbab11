"""One mentoring relationship as the rest of the app sees it: the read-only view, finding
it (for one of its two people only), and moving it through the state machine with its
audit record and re-planned nudges."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm.exc import StaleDataError

from bot.db import models
from bot.db.queries import relationships_of
from bot.db.uow import UnitOfWork
from bot.domain.errors import AlreadyDone, DomainError, IllegalTransition, NotYourRelationship
from bot.domain.invitation import Ask, Cadence, Invitation, MeetingFormat, Terms
from bot.domain.nudges import Timing
from bot.domain.relationship import OPEN_STATES, Action, Move, Role, State, decide
from bot.services import nudges

log = logging.getLogger(__name__)

SYSTEM_ACTOR = "mentorbot"


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
    pair_channel: str | None = None
    # The format his changes propose (None: hers), and her own ask once his are agreed.
    counter_format: MeetingFormat | None = None
    asked: Terms | None = None
    asked_format: MeetingFormat | None = None
    # Her one follow-up to the mentor, and the DM that carries it.
    follow_up_words: str | None = None
    follow_up_message: MessageRef | None = None

    @property
    def proposed_format(self) -> MeetingFormat:
        """The format of his changes: his choice if he made one, else hers."""
        return self.counter_format or self.invitation.meeting_format

    def role_of(self, user_id: str) -> Role:
        if user_id == self.mentee_id:
            return Role.MENTEE
        if user_id == self.mentor_id:
            return Role.MENTOR
        raise NotYourRelationship()


class NotFound(DomainError):
    def __init__(self) -> None:
        super().__init__("I can't find that mentoring relationship any more.")


def _ref(channel: str | None, ts: str | None) -> MessageRef | None:
    return MessageRef(channel, ts) if channel and ts else None


def view_of(row: models.Relationship) -> RelationshipView:
    inv = row.invitation
    terms = Terms(Cadence(row.cadence), row.minutes, row.months, Ask(row.ask))
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
        pair_channel=row.pair_channel,
        follow_up_words=inv.follow_up_words,
        counter_format=MeetingFormat(inv.counter_format) if inv.counter_format else None,
        asked=Terms(Cadence(inv.asked_cadence), inv.asked_minutes, inv.asked_months,
                    Ask(row.ask)) if inv.asked_cadence else None,
        asked_format=MeetingFormat(inv.asked_format) if inv.asked_format else None,
        follow_up_message=_ref(inv.follow_up_channel, inv.follow_up_ts),
    )


def row_of(uow: UnitOfWork, team_id: str, relationship_id: int) -> models.Relationship:
    row = uow.session.get(models.Relationship, relationship_id)
    if row is None or row.team_id != team_id:
        raise NotFound()
    return row


def get(uow: UnitOfWork, team_id: str, relationship_id: int, reader_id: str) -> RelationshipView:
    """The relationship, for one of its two people only."""
    view = view_of(row_of(uow, team_id, relationship_id))
    view.role_of(reader_id)
    return view


def of_person(uow: UnitOfWork, team_id: str, user_id: str) -> list[RelationshipView]:
    return [view_of(row) for row in relationships_of(uow, team_id, user_id)]


def remember_pair_channel(uow: UnitOfWork, relationship_id: int, channel: str | None) -> None:
    """The two's group DM, or None to open it again (it was closed or archived)."""
    row = uow.session.get(models.Relationship, relationship_id)
    row.pair_channel = channel
    uow.commit()


def record_transition(uow: UnitOfWork, row: models.Relationship, actor_id: str, move: Move,
            now: datetime) -> None:
    uow.session.add(models.TransitionRecord(
        team_id=row.team_id, relationship_id=row.id, actor_id=actor_id,
        actor_role=move.role.value, action=move.action.value,
        from_state=move.source.value if move.source else "new", to_state=move.target.value,
        at=now,
    ))


def apply_move(uow: UnitOfWork, row: models.Relationship, actor_id: str, action: Action,
               now: datetime) -> Move:
    """Decide and apply one transition to a loaded row, with its audit record; no commit."""
    move = decide_for(row, actor_id, action)
    row.state = move.target.value
    row.last_action = action.value
    if move.target is not move.source:
        setattr(row, f"{move.target.value}_at", now)
    record_transition(uow, row, actor_id, move, now)
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
        fresh = row_of(uow, team_id, relationship_id)
        uow.session.refresh(fresh)
        decide_for(fresh, actor_id, action)
        raise AlreadyDone("Done already.") from None
    return view_of(row)


def decide_for(row: models.Relationship, actor_id: str, action: Action) -> Move:
    role = Role.SYSTEM if actor_id == SYSTEM_ACTOR else view_of(row).role_of(actor_id)
    return decide(
        State(row.state), action, role,
        has_counter=row.invitation.countered_at is not None,
        last_action=Action(row.last_action) if row.last_action else None,
        conversation=row.ask == Ask.CONVERSATION,
    )
_STANDING = {
    State.COMPLETED: "Done already: your mentoring with {other} is completed.",
    State.CANCELLED: "Your mentoring with {other} has ended, so nothing more happens in it.",
    State.LAPSED: ("Your mentoring with {other} has lapsed: it was closed after nothing was "
                   "booked or decided. To start again, press *Invite them again* on its last "
                   "message, or use `/mentor invite`."),
}


def where_it_stands(rel: RelationshipView, reader_id: str) -> str:
    """What a click on an old message gets, once the relationship has moved on."""
    other = f"<@{rel.mentor_id if reader_id == rel.mentee_id else rel.mentee_id}>"
    return _STANDING.get(rel.state, "Your mentoring with {other} is {state} now.").format(
        other=other, state=rel.state.value)


def get_still_open(uow: UnitOfWork, team_id: str, relationship_id: int,
                   reader_id: str) -> RelationshipView:
    """The relationship a button names, for one of its two people; once it has ended,
    what they get instead is where it stands."""
    view = get(uow, team_id, relationship_id, reader_id)
    if view.state not in OPEN_STATES:
        raise IllegalTransition(where_it_stands(view, reader_id))
    return view


def check(uow: UnitOfWork, team_id: str, relationship_id: int, actor_id: str,
          action: Action) -> RelationshipView:
    """Raise unless `actor_id` may apply `action` now; used before opening a form for it."""
    row = row_of(uow, team_id, relationship_id)
    decide_for(row, actor_id, action)
    return view_of(row)

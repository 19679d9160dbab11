"""The nudge outbox: planning rows, claiming due ones, and recording what became of them."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, text, update

from bot.db import models
from bot.db.queries import newest_agreement, preferences_from, preferences_of
from bot.db.uow import UnitOfWork
from bot.domain import timeline
from bot.domain.health import Agreed
from bot.domain.invitation import Ask, Cadence
from bot.domain.meetings import MeetingStatus
from bot.domain.nudges import (
    CalendarFacts,
    Facts,
    Kind,
    MeetingFacts,
    NudgeKind,
    NudgeStatus,
    Subject,
    Timing,
    named,
    plan,
)
from bot.domain.preferences import WORKSPACE_DEFAULTS, Preferences
from bot.domain.relationship import State

log = logging.getLogger(__name__)

CLAIMABLE_SQL = text(models.CLAIMABLE_CONDITION)


def replan(uow: UnitOfWork, rel: models.Relationship, timing: Timing) -> None:
    """Make the outbox match what the relationship needs now. Safe to call any number of
    times: rows are keyed by (relationship, subject, kind), and a sent nudge stays sent."""
    facts = facts_for(uow, rel, timing)
    wanted = {(p.subject, p.kind.value): p for p in plan(facts, timing)}
    existing = {(n.subject, n.kind): n for n in uow.session.scalars(
        select(models.Nudge).where(models.Nudge.relationship_id == rel.id))} if rel.id else {}
    for key, planned in wanted.items():
        row = existing.get(key)
        if row is None:
            uow.session.add(models.Nudge(
                team_id=rel.team_id, relationship=rel, subject=planned.subject,
                kind=planned.kind.value, recipient_id=planned.recipient_id,
                status=NudgeStatus.PENDING, due_at=planned.due_at,
                available_at=planned.due_at, attempts=0))
        elif row.status == NudgeStatus.PENDING and row.due_at != planned.due_at:
            row.due_at = row.available_at = planned.due_at
    for key, row in existing.items():
        if key not in wanted and row.status in (NudgeStatus.PENDING, NudgeStatus.PAUSED):
            row.status = NudgeStatus.OBSOLETE


def replan_by_id(uow: UnitOfWork, relationship_id: int, timing: Timing) -> None:
    rel = uow.session.get(models.Relationship, relationship_id)
    if rel is not None:
        replan(uow, rel, timing)


def is_pending(uow: UnitOfWork, relationship_id: int, subject: Subject,
               kind: NudgeKind) -> bool:
    """Whether this nudge is still to go out (planned, waiting, or being sent now)."""
    N = models.Nudge
    status = uow.session.scalar(select(N.status).where(
        N.relationship_id == relationship_id, N.subject == subject, N.kind == kind.name))
    return status in (NudgeStatus.PENDING, NudgeStatus.CLAIMED)


def facts_for(uow: UnitOfWork, rel: models.Relationship, timing: Timing) -> Facts:
    newest = newest_agreement(uow, rel.id) if rel.id is not None else None
    rows: list[models.Meeting] = []
    # Calendar invitations follow meetings in any state: an ending cancels those ahead.
    if rel.id is not None and (rel.state == State.ACTIVE.value or timing.email_calendars):
        M = models.Meeting
        rows = list(uow.session.scalars(select(M).where(M.relationship_id == rel.id)))
    prefs = (preferences_of(uow, rel.team_id, rel.mentee_id),
             preferences_of(uow, rel.team_id, rel.mentor_id))
    return facts_of(rel, newest, rows, prefs, decisions_asked(uow, rel))


def decisions_asked(uow: UnitOfWork, rel: models.Relationship
                    ) -> tuple[tuple[str, datetime], ...]:
    """When each "what next?" went out: what follows it counts from there."""
    if rel.id is None or rel.state != State.ACTIVE.value:
        return ()
    N = models.Nudge
    rows = uow.session.execute(select(N.subject, N.sent_at).where(
        N.relationship_id == rel.id, N.kind == Kind.DECIDE.name,
        N.status == NudgeStatus.SENT))
    return tuple((subject, sent_at) for subject, sent_at in rows)


def facts_of(rel: models.Relationship, newest: models.AgreementVersion | None,
             meeting_rows: list[models.Meeting],
             prefs: tuple[Preferences, Preferences] = (WORKSPACE_DEFAULTS, WORKSPACE_DEFAULTS),
             asked: tuple[tuple[str, datetime], ...] = ()) -> Facts:
    """Facts from rows already loaded; callers reading many relationships load in bulk."""
    invitation = rel.invitation
    awaiting = None
    if newest is not None and newest.author_role == "mentee" and not newest.mentor_confirmed_at:
        awaiting = (newest.version, newest.created_at)
    meetings: tuple[MeetingFacts, ...] = ()
    if rel.state == State.ACTIVE.value:
        meetings = tuple(
            MeetingFacts(m.id, m.starts_at, m.agenda_sent_at is not None,
                         m.starts_at + timedelta(minutes=m.minutes), m.logged_at is not None,
                         m.thanks_sent_at is not None or m.status == MeetingStatus.MISSED,
                         m.status == MeetingStatus.SCHEDULED, m.logistics_confirmed_at is not None,
                         m.status == MeetingStatus.MISSED, m.sequence)
            for m in meeting_rows if m.status != MeetingStatus.CANCELLED)
    return Facts(rel.id, State(rel.state), rel.mentee_id, rel.mentor_id,
                 invitation.reply_by_at if invitation else None, rel.agreed_at,
                 agreement_sent=newest is not None, awaiting_mentor=awaiting,
                 meetings=meetings, agenda_lead=timedelta(days=rel.agenda_lead_days or 2),
                 active_at=rel.active_at, cadence_days=Cadence(rel.cadence).days,
                 timeline_end=timeline_end(rel), mentee_prefs=prefs[0], mentor_prefs=prefs[1],
                 calendar=tuple(CalendarFacts(m.id, _calendar_sequence(m), m.created_at)
                                for m in meeting_rows),
                 conversation=rel.ask == Ask.CONVERSATION, decisions_asked=asked,
                 continuation_proposed_at=rel.continue_proposed_at,
                 continuation_pending=rel.continue_months is not None,
                 lapsed_at=rel.lapsed_at)


def _calendar_sequence(meeting: models.Meeting) -> int:
    return meeting.sequence + (meeting.agenda_revisions or 0)


def timeline_of(uow: UnitOfWork, relationship_id: int) -> datetime | None:
    return timeline_end(uow.session.get(models.Relationship, relationship_id))


def timeline_end(rel: models.Relationship) -> datetime | None:
    return timeline.timeline_end(rel.active_at, rel.months)


def agreed_of(rel: models.Relationship) -> Agreed:
    """What health figures judge a relationship by (any row with these columns): the
    cadence runs from the start to the end of the timeline, or to an earlier close."""
    ends = [at for at in (timeline_end(rel), rel.completed_at, rel.cancelled_at,
                         rel.lapsed_at) if at]
    return Agreed(timedelta(days=rel.agenda_lead_days or 2), rel.active_at,
                  Cadence(rel.cadence).days, min(ends, default=None))


def claim(uow: UnitOfWork, now: datetime, worker: str, lease: timedelta,
          limit: int) -> list[int]:
    """Take up to `limit` due nudges for this worker until `now + lease`.

    On PostgreSQL, rows another replica is claiming are skipped, not waited for. On SQLite
    the transaction holds the write lock from its first statement, which serialises
    claimers just as well for the one process SQLite is meant for.
    """
    N = models.Nudge
    # The status test is spelled exactly as the partial index's condition, with literals:
    # a bound parameter would keep SQLite (and PostgreSQL's generic plans) from using it.
    query = (select(N.id).where(CLAIMABLE_SQL, N.available_at <= now)
             .order_by(N.available_at).limit(limit))
    if uow.session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    ids = list(uow.session.scalars(query))
    if ids:
        uow.session.execute(
            update(N).where(N.id.in_(ids))
            .values(status=NudgeStatus.CLAIMED, claimed_by=worker, available_at=now + lease,
                    attempts=N.attempts + 1)
            .execution_options(synchronize_session=False))
    uow.commit()
    return ids


def next_due(uow: UnitOfWork, until: datetime) -> datetime | None:
    """When the next claimable nudge comes due, if it does by `until`."""
    N = models.Nudge
    return uow.session.scalar(select(N.available_at).where(CLAIMABLE_SQL, N.available_at <= until)
                              .order_by(N.available_at).limit(1))


@dataclass(frozen=True)
class Claimed:
    id: int
    team_id: str
    relationship_id: int
    subject: Subject
    kind: NudgeKind
    recipient_id: str
    due_at: datetime
    attempts: int
    state: State
    # The recipient's own settings: their quiet hours hold at the moment of sending.
    recipient_prefs: Preferences = WORKSPACE_DEFAULTS


def load_many(uow: UnitOfWork, nudge_ids: list[int], worker: str) -> dict[int, Claimed]:
    """A claimed batch, read in two queries (the nudges with their relationships' states,
    then their recipients' settings), for those this worker still holds."""
    N, R, P = models.Nudge, models.Relationship, models.ReminderPreferences
    rows = uow.session.execute(
        select(N.id, N.team_id, N.relationship_id, N.subject, N.kind, N.recipient_id,
               N.due_at, N.attempts, R.state)
        .join(R, R.id == N.relationship_id)
        .where(N.id.in_(nudge_ids), N.status == NudgeStatus.CLAIMED,
               N.claimed_by == worker)).all()
    people = {(row.team_id, row.recipient_id) for row in rows}
    prefs = {(p.team_id, p.user_id): preferences_from(p) for p in uow.session.scalars(
        select(P).where(P.user_id.in_({user for _, user in people})))
        if (p.team_id, p.user_id) in people}
    return {row.id: Claimed(row.id, row.team_id, row.relationship_id, Subject(row.subject),
                            named(row.kind), row.recipient_id, row.due_at, row.attempts,
                            State(row.state),
                            prefs.get((row.team_id, row.recipient_id), WORKSPACE_DEFAULTS))
            for row in rows}


def _finish(uow: UnitOfWork, nudge_id: int, worker: str, **values) -> bool:
    N = models.Nudge
    done = uow.session.execute(
        update(N).where(N.id == nudge_id, N.status == NudgeStatus.CLAIMED, N.claimed_by == worker)
        .values(**values).execution_options(synchronize_session=False))
    uow.commit()
    return done.rowcount == 1


def mark_sent(uow: UnitOfWork, nudge_id: int, worker: str, now: datetime,
              channel: str | None = None, ts: str | None = None) -> bool:
    return _finish(uow, nudge_id, worker, status=NudgeStatus.SENT, sent_at=now,
                   channel=channel, ts=ts, last_error=None)


def mark_obsolete(uow: UnitOfWork, nudge_id: int, worker: str) -> bool:
    return _finish(uow, nudge_id, worker, status=NudgeStatus.OBSOLETE)


def release(uow: UnitOfWork, nudge_id: int, worker: str, at: datetime,
            reason: str | None = None, refund_attempt: bool = False) -> bool:
    """Back to pending until `at` (quiet hours, rate limits, transient errors)."""
    values: dict = {"status": NudgeStatus.PENDING, "available_at": at, "last_error": reason}
    if refund_attempt:
        values["attempts"] = models.Nudge.attempts - 1
    return _finish(uow, nudge_id, worker, **values)


def mark_failed(uow: UnitOfWork, nudge_id: int, worker: str, reason: str) -> bool:
    return _finish(uow, nudge_id, worker, status=NudgeStatus.FAILED, last_error=reason[:255])


def mark_paused(uow: UnitOfWork, nudge_id: int, worker: str, reason: str) -> bool:
    """Held until what stopped it is mended (a re-install), then pending again."""
    return _finish(uow, nudge_id, worker, status=NudgeStatus.PAUSED, last_error=reason)


def pause_relationship(uow: UnitOfWork, relationship_id: int, reason: str) -> int:
    N = models.Nudge
    paused = uow.session.execute(
        update(N).where(N.relationship_id == relationship_id, N.status == NudgeStatus.PENDING)
        .values(status=NudgeStatus.PAUSED, last_error=reason)
        .execution_options(synchronize_session=False))
    uow.commit()
    return paused.rowcount


def pause_workspace(uow: UnitOfWork, team_id: str, reason: str) -> int:
    N = models.Nudge
    paused = uow.session.execute(
        update(N).where(N.team_id == team_id, N.status == NudgeStatus.PENDING)
        .values(status=NudgeStatus.PAUSED, last_error=reason)
        .execution_options(synchronize_session=False))
    return paused.rowcount

"""What mentorbot keeps no longer than it needs: the words of finished relationships, and
the profiles of people no open relationship needs.

Figures stay (states, dates, counts), so the programme report still adds up; words go:
the invitation, the follow-up, counter-proposals, reasons, the agreement's own terms,
agendas, takeaways, reflections. An open relationship is never touched.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, exists, func, or_, select, update

from bot.db import models
from bot.db.uow import UnitOfWork
from bot.domain.relationship import OPEN_STATES

ERASED = "(erased after the retention period)"
BATCH = 200
# A profile nobody needs is kept this long after it was last read from Slack.
PROFILE_DAYS = 30
_OPEN = [state.value for state in OPEN_STATES]


def _closed_at():
    R = models.Relationship
    return func.coalesce(R.completed_at, R.declined_at, R.withdrawn_at, R.cancelled_at,
                         R.expired_at, R.lapsed_at)


def erase_old_words(uow: UnitOfWork, now: datetime, days: int) -> int:
    """Erase the words of up to BATCH relationships closed more than `days` ago; returns
    how many. Each is erased once (words_erased_at)."""
    R = models.Relationship
    rows = uow.session.scalars(select(R).where(
        R.state.not_in(_OPEN), R.words_erased_at.is_(None),
        _closed_at() < now - timedelta(days=days)).order_by(R.id).limit(BATCH)).all()
    for row in rows:
        _erase(uow, row)
        row.words_erased_at = now
    D = models.InvitationDraft
    uow.session.execute(delete(D).where(D.created_at < now - timedelta(days=days)))
    uow.commit()
    return len(rows)


def _erase(uow: UnitOfWork, row: models.Relationship) -> None:
    inv = row.invitation
    if inv is not None:
        inv.intro = inv.why_them = inv.offer = ERASED
        inv.follow_up_words = inv.counter_note = inv.decline_reason = None
    row.reflection = row.continue_note = row.end_reason = row.goal_now = None
    M, A = models.Meeting, models.AgreementVersion
    uow.session.execute(update(M).where(M.relationship_id == row.id).values(
        agenda_topics=None, agenda_questions=None, agenda_context=None, agenda_links=None,
        takeaways=None, shared_something_real=None, link=None, place=None, summary=None))
    uow.session.execute(update(A).where(A.relationship_id == row.id).values(
        terms=[ERASED], note=None))


def forget_unneeded_profiles(uow: UnitOfWork, now: datetime) -> int:
    """Profiles last read from Slack over PROFILE_DAYS ago, of people in no open
    relationship: asked of Slack again if they are ever needed."""
    P, R = models.Person, models.Relationship
    in_open = exists().where(
        R.team_id == P.team_id, R.state.in_(_OPEN),
        or_(R.mentee_id == P.user_id, R.mentor_id == P.user_id))
    deleted = uow.session.execute(delete(P).where(
        P.fetched_at < now - timedelta(days=PROFILE_DAYS), ~in_open)
        .execution_options(synchronize_session=False)).rowcount
    uow.commit()
    return deleted or 0


def needed_people(uow: UnitOfWork, team_id: str) -> set[str]:
    """Who a profile sweep keeps current: the people of open relationships."""
    R = models.Relationship
    rows = uow.session.execute(select(R.mentee_id, R.mentor_id).where(
        R.team_id == team_id, R.state.in_(_OPEN))).all()
    return {user for row in rows for user in row}

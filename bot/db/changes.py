"""Who is affected by what a transaction wrote, told once it has committed.

A session event, not a call in every service: any write to a relationship, its meetings
or its agreement, or to someone's readiness answers, reminders, offer to mentor or usual times, is
noticed, including writes added later, and nothing is reported for a transaction that rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from bot.db import models

PeopleChanged = Callable[[str, frozenset[str]], None]  # (team_id, user ids)
_KEY = "mentorbot_people_changed"


def watch_people(session_factory: sessionmaker[Session], on_change: PeopleChanged) -> None:
    event.listen(session_factory, "after_flush", _collect)
    event.listen(session_factory, "after_commit", lambda session: _report(session, on_change))
    event.listen(session_factory, "after_rollback", _forget)


def _collect(session: Session, _flush_context) -> None:
    touched: set[tuple[str, str]] = session.info.setdefault(_KEY, set())
    for row in chain(session.new, session.dirty, session.deleted):
        match row:
            case models.Relationship():
                touched |= {(row.team_id, row.mentee_id), (row.team_id, row.mentor_id)}
            case models.Meeting() | models.AgreementVersion():
                with session.no_autoflush:
                    rel = session.get(models.Relationship, row.relationship_id)
                if rel is not None:
                    touched |= {(rel.team_id, rel.mentee_id), (rel.team_id, rel.mentor_id)}
            case models.ReadinessAnswers() | models.ReminderPreferences() | \
                    models.MentoringOffer() | models.UsualTimes():
                touched.add((row.team_id, row.user_id))


def mark_changed(session: Session, team_id: str, *user_ids: str) -> None:
    """For a bulk UPDATE, which the flush events cannot see."""
    touched: set[tuple[str, str]] = session.info.setdefault(_KEY, set())
    touched |= {(team_id, user_id) for user_id in user_ids}


def _report(session: Session, on_change: PeopleChanged) -> None:
    touched: set[tuple[str, str]] = session.info.pop(_KEY, set())
    by_team: dict[str, set[str]] = {}
    for team_id, user_id in touched:
        by_team.setdefault(team_id, set()).add(user_id)
    for team_id, users in by_team.items():
        on_change(team_id, frozenset(users))


def _forget(session: Session) -> None:
    session.info.pop(_KEY, None)

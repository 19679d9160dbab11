"""The programme coordinator's report: figures per relationship and in total.

Only counts, dates, states and who is paired with whom are read: the columns holding
people's words (agendas, takeaways, reflections, reasons, notes) are never selected, so
they cannot leak into a figure, a message or the CSV.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from bot.db import models
from bot.db.uow import UnitOfWork
from bot.domain.health import Health, MeetingRecord, health, is_stalled
from bot.domain.invitation import Ask, Cadence
from bot.domain.relationship import State
from bot.services.nudges import agreed_of, timeline_end

CSV_COLUMNS = ("relationship", "state", "ask", "mentee", "mentor", "cadence", "months", "created",
               "active_since", "ended", "meetings_expected", "meetings_due", "meetings_held",
               "agendas_on_time", "thanks_sent", "late_changes_by_mentee",
               "late_changes_by_mentor", "stalled", "lapsed")


@dataclass(frozen=True)
class RelationshipFigures:
    id: int
    state: State
    ask: Ask
    mentee_id: str
    mentor_id: str
    cadence: str
    months: int
    created_at: datetime
    active_at: datetime | None
    ended_at: datetime | None
    health: Health
    stalled: bool
    lapsed_at: datetime | None = None


@dataclass(frozen=True)
class ProgrammeReport:
    relationships: tuple[RelationshipFigures, ...]

    @property
    def by_state(self) -> Counter:
        return Counter(r.state for r in self.relationships)

    @property
    def conversations(self) -> int:
        return sum(r.ask is Ask.CONVERSATION for r in self.relationships)

    @property
    def totals(self) -> Health:
        return sum((r.health for r in self.relationships), Health())

    @property
    def stalled(self) -> int:
        return sum(r.stalled for r in self.relationships)

    @property
    def lapsed(self) -> tuple[int, int]:
        """Lapsed relationships, and lapsed single conversations."""
        gone = [r for r in self.relationships if r.state is State.LAPSED]
        talks = sum(r.ask is Ask.CONVERSATION for r in gone)
        return len(gone) - talks, talks


def programme(uow: UnitOfWork, team_id: str, now: datetime) -> ProgrammeReport:
    R, M = models.Relationship, models.Meeting
    meetings: dict[int, list[MeetingRecord]] = defaultdict(list)
    for rel_id, starts_at, status, agenda_at, thanks_at in uow.session.execute(
            select(M.relationship_id, M.starts_at, M.status, M.agenda_sent_at,
                   M.thanks_sent_at).where(M.team_id == team_id)):
        meetings[rel_id].append(MeetingRecord(starts_at, status, agenda_at, thanks_at))
    figures = []
    for row in uow.session.execute(
            select(R.id, R.state, R.ask, R.mentee_id, R.mentor_id, R.cadence, R.months,
                   R.created_at, R.active_at, R.completed_at, R.cancelled_at, R.lapsed_at,
                   R.late_changes_mentee, R.late_changes_mentor, R.agenda_lead_days)
            .where(R.team_id == team_id).order_by(R.id)):
        state = State(row.state)
        kept = meetings[row.id]
        figures.append(RelationshipFigures(
            row.id, state, Ask(row.ask), row.mentee_id, row.mentor_id, row.cadence, row.months,
            row.created_at, row.active_at, row.completed_at or row.cancelled_at or row.lapsed_at,
            health(kept, now, row.late_changes_mentee, row.late_changes_mentor,
                   agreed_of(row)),
            state is State.ACTIVE and (
                is_stalled(kept, now, row.active_at, Cadence(row.cadence).days)
                or _past_its_end(row, now)),
            row.lapsed_at))
    return ProgrammeReport(tuple(figures))


def as_csv(report: ProgrammeReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in report.relationships:
        h = r.health
        writer.writerow([r.id, r.state.value, r.ask.value, r.mentee_id, r.mentor_id,
                         r.cadence, r.months, _day(r.created_at), _day(r.active_at),
                         _day(r.ended_at), h.expected, h.planned, h.held, h.agendas_on_time,
                         h.thanks_sent, h.late_by_mentee,
                         h.late_by_mentor, "yes" if r.stalled else "no", _day(r.lapsed_at)])
    return out.getvalue()


def _past_its_end(row, now: datetime) -> bool:
    ends = timeline_end(row)
    return ends is not None and now > ends


def _day(value: datetime | None) -> str:
    return value.date().isoformat() if value else ""

"""What the invitation composer opens with: her readiness answers, and whether her Slack
profile (and so her time zone) is known yet. One statement, read on the path that must
open the form within the three seconds of its trigger."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, bindparam, literal_column, select

from bot.db.models import Person, ReadinessAnswers
from bot.db.one_row import OneRow, RowReader
from bot.services.readiness import ANSWER_COLUMNS, Answers

_R = ReadinessAnswers
# One row whatever is stored: a single-row anchor, each table joined to it by key.
_PREFILL = OneRow(
    select(*ANSWER_COLUMNS, Person.tz, Person.user_id)
    .select_from(select(literal_column("1").label("one")).subquery("anchor"))
    .outerjoin(_R, and_(_R.team_id == bindparam("team_id"),
                        _R.user_id == bindparam("user_id")))
    .outerjoin(Person, and_(Person.team_id == bindparam("team_id"),
                            Person.user_id == bindparam("user_id"))))


@dataclass(frozen=True)
class Prefill:
    answers: Answers | None
    # Her stored time zone, however old; None when Slack has not been asked about her.
    tz: str | None


def read(rows: RowReader, team_id: str, user_id: str) -> Prefill:
    row = rows.first(_PREFILL, {"team_id": team_id, "user_id": user_id})
    if row is None:  # the anchor gives one row always; this is only for a type checker
        return Prefill(None, None)
    answers, (tz, profiled) = row[:len(ANSWER_COLUMNS)], row[len(ANSWER_COLUMNS):]
    return Prefill(Answers(*answers) if answers[0] is not None else None,
                   tz if profiled is not None else None)

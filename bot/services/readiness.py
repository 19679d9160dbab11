"""The four readiness questions a mentee answers about herself before inviting anyone.
Why this particular mentor is asked in each invitation instead."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import bindparam, select

from bot.db.models import ReadinessAnswers
from bot.db.uow import UnitOfWork


@dataclass(frozen=True)
class Answers:
    next_goal: str
    strengths: str
    growth_areas: str
    why_mentor: str


_R = ReadinessAnswers
# Built once: the composer reads it on the path that must open a form in 3 seconds.
# In the order of Answers' fields; the composer's prefill reads the same.
ANSWER_COLUMNS = (_R.next_goal, _R.strengths, _R.growth_areas, _R.why_mentor)
_ANSWERS = select(*ANSWER_COLUMNS).where(
    _R.team_id == bindparam("team_id"), _R.user_id == bindparam("user_id"))


def load(uow: UnitOfWork, team_id: str, user_id: str) -> Answers | None:
    row = uow.execute(_ANSWERS, {"team_id": team_id, "user_id": user_id}).first()
    return Answers(*row) if row is not None else None


def save(uow: UnitOfWork, team_id: str, user_id: str, answers: Answers, now: datetime) -> None:
    row = uow.session.get(ReadinessAnswers, (team_id, user_id))
    if row is None:
        row = ReadinessAnswers(team_id=team_id, user_id=user_id)
        uow.session.add(row)
    for name, value in asdict(answers).items():
        setattr(row, name, value.strip())
    row.updated_at = now
    uow.commit()

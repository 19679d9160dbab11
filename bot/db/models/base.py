"""The declarative base, and the column shapes every table shares."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase

from bot.domain.nudges import NudgeStatus
from bot.domain.relationship import OPEN_STATES

TeamId = String(32)
UserId = String(32)

# Spelled as SQL with literals, as the partial index needs.
CLAIMABLE_CONDITION = f"status IN ('{NudgeStatus.PENDING}', '{NudgeStatus.CLAIMED}')"
OPEN_STATES_SQL = "state IN ({})".format(", ".join(f"'{s.value}'" for s in sorted(OPEN_STATES)))


class Base(DeclarativeBase):
    pass

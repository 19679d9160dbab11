"""People who said they are open to mentoring."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.models.base import Base, TeamId, UserId
from bot.db.types import UTCDateTime


class MentoringOffer(Base):
    """One per person: withdrawing deletes it, pausing keeps it out of `/mentor find`."""

    __tablename__ = "mentoring_offers"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    user_id: Mapped[str] = mapped_column(UserId, primary_key=True)
    # Their words, shown to mentees who search; their own to export and erase.
    topics: Mapped[str] = mapped_column(Text)
    tags: Mapped[list] = mapped_column(JSON)
    # Their own limit of mentees at once, at most the workspace's MENTOR_LIMIT.
    capacity: Mapped[int] = mapped_column(Integer)
    formats: Mapped[list] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

"""The nudge outbox."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.db.models.base import CLAIMABLE_CONDITION, Base, TeamId, UserId
from bot.db.types import StoredEnum, UTCDateTime
from bot.domain.nudges import NudgeStatus

if TYPE_CHECKING:
    from bot.db.models.relationships import Relationship


class Nudge(Base):
    """The outbox: one row per nudge that should go out, planned ahead, sent once."""

    __tablename__ = "nudges"
    __table_args__ = (
        UniqueConstraint("relationship_id", "subject", "kind", name="uq_nudges_key"),
        # The dispatcher's only query walks this index: what may be claimed, oldest first.
        # Sent, obsolete, failed and paused rows are not in it, however many there are.
        Index(
            "ix_nudges_claimable",
            "available_at",
            sqlite_where=text(CLAIMABLE_CONDITION),
            postgresql_where=text(CLAIMABLE_CONDITION),
        ),
        Index("ix_nudges_team_status", "team_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId)
    relationship_id: Mapped[int] = mapped_column(
        ForeignKey("relationships.id", ondelete="CASCADE"), index=True
    )
    subject: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    recipient_id: Mapped[str] = mapped_column(UserId)
    status: Mapped[NudgeStatus] = mapped_column(StoredEnum(NudgeStatus, 16))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # When it may next be claimed: the due time (after quiet hours), or a claim's lease end.
    available_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    channel: Mapped[str | None] = mapped_column(String(32))
    ts: Mapped[str | None] = mapped_column(String(32))
    # An error code or a reason, never message text.
    last_error: Mapped[str | None] = mapped_column(String(255))

    relationship: Mapped[Relationship] = relationship()

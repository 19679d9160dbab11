"""Meetings a relationship books."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.models.base import Base, TeamId
from bot.db.types import StoredEnum, UTCDateTime
from bot.domain.meetings import MeetingStatus


class Meeting(Base):
    __tablename__ = "meetings"
    __table_args__ = (Index("ix_meetings_relationship_start", "relationship_id", "starts_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId)
    relationship_id: Mapped[int] = mapped_column(
        ForeignKey("relationships.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[int] = mapped_column(Integer)
    meeting_format: Mapped[str] = mapped_column(String(16))
    link: Mapped[str | None] = mapped_column(String(1000))
    place: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[MeetingStatus] = mapped_column(StoredEnum(MeetingStatus, 16))
    # The calendar event's identity: updates and cancellations reuse the UID, SEQUENCE + 1.
    uid: Mapped[str] = mapped_column(String(255), unique=True)
    sequence: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The mentee's agenda; the mentor sees it, nobody else ever does.
    agenda_topics: Mapped[str | None] = mapped_column(Text)
    agenda_questions: Mapped[str | None] = mapped_column(Text)
    agenda_context: Mapped[str | None] = mapped_column(Text)
    agenda_links: Mapped[str | None] = mapped_column(Text)
    agenda_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Each agenda sent is a new version of the calendar event: its SEQUENCE is
    # `sequence + agenda_revisions`, while `sequence` alone tells a move (old buttons).
    agenda_revisions: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    logistics_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # After the meeting, from the mentee: takeaways are private to them; thanks go to the
    # mentor.
    logged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    takeaways: Mapped[str | None] = mapped_column(Text)
    thanks_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The summary she shares with him, posted once with her thanks: her words, hers to
    # export and to erase.
    summary: Mapped[str | None] = mapped_column(Text)
    summary_shared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Her private check-in after the first and third meetings (`Shared`); nobody else reads it.
    shared_something_real: Mapped[str | None] = mapped_column(String(8))
    # Who asked for the pending change: the mentor asks, the mentee carries it out.
    change_requested_by: Mapped[str | None] = mapped_column(String(16))
    # Each person's DM announcing the current time, updated in place when it changes.
    mentee_dm_channel: Mapped[str | None] = mapped_column(String(32))
    mentee_dm_ts: Mapped[str | None] = mapped_column(String(32))
    mentor_dm_channel: Mapped[str | None] = mapped_column(String(32))
    mentor_dm_ts: Mapped[str | None] = mapped_column(String(32))
    # The one message in the pair's conversation that books it, kept current in place.
    booking_channel: Mapped[str | None] = mapped_column(String(32))
    booking_ts: Mapped[str | None] = mapped_column(String(32))

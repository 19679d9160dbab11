"""A mentoring relationship: its invitation, agreement versions and audit trail."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.db.models.base import OPEN_STATES_SQL, Base, TeamId, UserId
from bot.db.types import UTCDateTime


class InvitationDraft(Base):
    """A composed invitation waiting on the mentee's look at the preview."""

    __tablename__ = "invitation_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId)
    mentee_id: Mapped[str] = mapped_column(UserId)
    mentor_id: Mapped[str] = mapped_column(UserId)
    body: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_relationship_id: Mapped[int | None] = mapped_column(Integer)


class Relationship(Base):
    __tablename__ = "relationships"
    __table_args__ = (
        # At most one open relationship per pair; the database, not a check in Python,
        # is what stops two racing invitations.
        Index(
            "uq_relationships_open_pair",
            "team_id",
            "mentee_id",
            "mentor_id",
            unique=True,
            sqlite_where=text(OPEN_STATES_SQL),
            postgresql_where=text(OPEN_STATES_SQL),
        ),
        Index("ix_relationships_team_mentor_state", "team_id", "mentor_id", "state"),
        Index("ix_relationships_team_mentee_state", "team_id", "mentee_id", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId)
    mentee_id: Mapped[str] = mapped_column(UserId)
    mentor_id: Mapped[str] = mapped_column(UserId)
    state: Mapped[str] = mapped_column(String(16))
    last_action: Mapped[str | None] = mapped_column(String(32))
    # Optimistic lock: two clicks that both read version n cannot both write n + 1.
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    cadence: Mapped[str] = mapped_column(String(16))
    minutes: Mapped[int] = mapped_column(Integer)
    months: Mapped[int] = mapped_column(Integer)
    meeting_format: Mapped[str] = mapped_column(String(16))
    # `Ask`: one conversation (no agreement, one session) or a relationship over months.
    ask: Mapped[str] = mapped_column(String(16), default="relationship",
                                     server_default="relationship")
    # Set from the confirmed agreement; the meeting rules and nudges read them.
    reschedule_notice_hours: Mapped[int | None] = mapped_column(Integer)
    agenda_lead_days: Mapped[int | None] = mapped_column(Integer)
    # Changes made with less notice than agreed, by whom asked; shown to the two only.
    late_changes_mentee: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    late_changes_mentor: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    # How it ended. The reflection is the mentee's alone; the reason, the ender's alone.
    # Neither is ever shown to the other person or in any report.
    reflection: Mapped[str | None] = mapped_column(Text)
    # Where she stands against the goal she set out with, written as she completes: hers.
    goal_now: Mapped[str | None] = mapped_column(Text)
    end_reason: Mapped[str | None] = mapped_column(Text)
    ended_by: Mapped[str | None] = mapped_column(String(16))
    final_thanks_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The group DM of the two, where mentorbot says once what both need to know.
    pair_channel: Mapped[str | None] = mapped_column(String(32))
    # The mentee's pending proposal to continue for more months, until the mentor answers.
    continue_months: Mapped[int | None] = mapped_column(Integer)
    continue_note: Mapped[str | None] = mapped_column(Text)
    continue_proposed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    invited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    agreed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    active_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    declined_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lapsed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # RETENTION_DAYS after it closed, its words were erased; its figures stay.
    words_erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    invitation: Mapped[Invitation] = relationship(
        back_populates="relationship", uselist=False, lazy="joined"
    )

    __mapper_args__: ClassVar[dict] = {"version_id_col": version}


class Invitation(Base):
    __tablename__ = "invitations"

    relationship_id: Mapped[int] = mapped_column(
        ForeignKey("relationships.id", ondelete="CASCADE"), primary_key=True
    )
    team_id: Mapped[str] = mapped_column(TeamId)
    intro: Mapped[str] = mapped_column(Text)
    why_them: Mapped[str] = mapped_column(Text)
    offer: Mapped[str] = mapped_column(Text)
    handles_logistics: Mapped[bool] = mapped_column(Boolean)
    reply_by: Mapped[date] = mapped_column(Date)
    # The end of the reply-by day in the mentee's time zone, for the scheduler.
    reply_by_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    counter_cadence: Mapped[str | None] = mapped_column(String(16))
    counter_minutes: Mapped[int | None] = mapped_column(Integer)
    counter_months: Mapped[int | None] = mapped_column(Integer)
    counter_note: Mapped[str | None] = mapped_column(Text)
    counter_format: Mapped[str | None] = mapped_column(String(16))
    # Her own ask, kept when she accepts his changes (the relationship then holds his).
    asked_cadence: Mapped[str | None] = mapped_column(String(16))
    asked_minutes: Mapped[int | None] = mapped_column(Integer)
    asked_months: Mapped[int | None] = mapped_column(Integer)
    asked_format: Mapped[str | None] = mapped_column(String(16))
    countered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The mentee's one polite follow-up to the mentor, sent through mentorbot.
    followed_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Her words, and the mentor's DM that carries them with the invitation's buttons: it is
    # updated with the answer, wherever he gave it.
    follow_up_words: Mapped[str | None] = mapped_column(Text)
    follow_up_channel: Mapped[str | None] = mapped_column(String(32))
    follow_up_ts: Mapped[str | None] = mapped_column(String(32))
    # Private to the two people; never shown in any report.
    decline_reason: Mapped[str | None] = mapped_column(Text)

    # Where the mentor's invitation DM and the mentee's counter DM sit, to update them.
    mentor_channel: Mapped[str | None] = mapped_column(String(32))
    mentor_ts: Mapped[str | None] = mapped_column(String(32))
    counter_channel: Mapped[str | None] = mapped_column(String(32))
    counter_ts: Mapped[str | None] = mapped_column(String(32))

    relationship: Mapped[Relationship] = relationship(back_populates="invitation")


class TransitionRecord(Base):
    """The audit trail: who moved which relationship from what to what, and when."""

    __tablename__ = "transitions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId)
    relationship_id: Mapped[int] = mapped_column(
        ForeignKey("relationships.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[str] = mapped_column(UserId)
    actor_role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class AgreementVersion(Base):
    """Every version of the expectations agreement is kept; the newest one is in play."""

    __tablename__ = "agreement_versions"
    __table_args__ = (UniqueConstraint("relationship_id", "version", name="uq_agreement_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(TeamId)
    relationship_id: Mapped[int] = mapped_column(
        ForeignKey("relationships.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    author_role: Mapped[str] = mapped_column(String(16))
    terms: Mapped[list] = mapped_column(JSON)
    cadence: Mapped[str] = mapped_column(String(16))
    minutes: Mapped[int] = mapped_column(Integer)
    months: Mapped[int] = mapped_column(Integer)
    reschedule_notice_hours: Mapped[int] = mapped_column(Integer)
    agenda_lead_days: Mapped[int] = mapped_column(Integer)
    # None on versions from before the format was part of it: the relationship's own.
    meeting_format: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Both set means agreed; the author confirms by sending.
    mentee_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    mentor_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The mentee's one reminder to the mentor about this version, sent through mentorbot.
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    mentor_channel: Mapped[str | None] = mapped_column(String(32))
    mentor_ts: Mapped[str | None] = mapped_column(String(32))

"""Tables. Every row carries the Slack team id it belongs to."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.db.types import StoredEnum, UTCDateTime
from bot.domain.meetings import MeetingStatus
from bot.domain.nudges import NudgeStatus
from bot.domain.relationship import OPEN_STATES

TeamId = String(32)
UserId = String(32)

# Spelled as SQL with literals, as the partial index needs.
CLAIMABLE_CONDITION = f"status IN ('{NudgeStatus.PENDING}', '{NudgeStatus.CLAIMED}')"
_OPEN_STATES_SQL = "state IN ({})".format(", ".join(f"'{s.value}'" for s in sorted(OPEN_STATES)))


class Base(DeclarativeBase):
    pass


class Workspace(Base):
    __tablename__ = "workspaces"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    installed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    uninstalled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Person(Base):
    """What users.info told us about someone, kept briefly to spare Slack's rate limits."""

    __tablename__ = "people"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    user_id: Mapped[str] = mapped_column(UserId, primary_key=True)
    home_team_id: Mapped[str] = mapped_column(TeamId)
    display_name: Mapped[str] = mapped_column(String(255))
    # For calendar invitations; present when the app may read emails (users:read.email).
    email: Mapped[str | None] = mapped_column(String(255))
    tz: Mapped[str] = mapped_column(String(64))
    is_bot: Mapped[bool] = mapped_column(Boolean)
    deleted: Mapped[bool] = mapped_column(Boolean)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReadinessAnswers(Base):
    __tablename__ = "readiness_answers"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    user_id: Mapped[str] = mapped_column(UserId, primary_key=True)
    next_goal: Mapped[str] = mapped_column(Text)
    strengths: Mapped[str] = mapped_column(Text)
    growth_areas: Mapped[str] = mapped_column(Text)
    why_mentor: Mapped[str] = mapped_column(Text)
    why_this_mentor: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


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
            sqlite_where=text(_OPEN_STATES_SQL),
            postgresql_where=text(_OPEN_STATES_SQL),
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
    # Set from the confirmed agreement; the meeting rules and nudges read them.
    reschedule_notice_hours: Mapped[int | None] = mapped_column(Integer)
    agenda_lead_days: Mapped[int | None] = mapped_column(Integer)
    # Changes made with less notice than agreed, by whom asked; shown to the two only.
    late_changes_mentee: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    late_changes_mentor: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    # How it ended. The reflection is the mentee's alone; the reason, the ender's alone.
    # Neither is ever shown to the other person or in any report.
    reflection: Mapped[str | None] = mapped_column(Text)
    end_reason: Mapped[str | None] = mapped_column(Text)
    ended_by: Mapped[str | None] = mapped_column(String(16))
    final_thanks_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
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
    countered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The mentee's one polite follow-up to the mentor, sent through mentorbot.
    followed_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
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
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Both set means agreed; the author confirms by sending.
    mentee_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    mentor_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The mentee's one reminder to the mentor about this version, sent through mentorbot.
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    mentor_channel: Mapped[str | None] = mapped_column(String(32))
    mentor_ts: Mapped[str | None] = mapped_column(String(32))


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
    logistics_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # After the meeting, from the mentee: takeaways are private to them; thanks go to the
    # mentor.
    logged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    takeaways: Mapped[str | None] = mapped_column(Text)
    thanks_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Who asked for the pending change: the mentor asks, the mentee carries it out.
    change_requested_by: Mapped[str | None] = mapped_column(String(16))
    # Each person's DM announcing the current time, updated in place when it changes.
    mentee_dm_channel: Mapped[str | None] = mapped_column(String(32))
    mentee_dm_ts: Mapped[str | None] = mapped_column(String(32))
    mentor_dm_channel: Mapped[str | None] = mapped_column(String(32))
    mentor_dm_ts: Mapped[str | None] = mapped_column(String(32))


class SlackEvent(Base):
    """An Events API delivery already taken: Slack retries one it thinks was missed, and a
    late retry must not apply an event a second time, after a newer one."""

    __tablename__ = "slack_events"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class AccountChange(Base):
    """The newest change to a person's Slack account that mentorbot applied, so an older
    user_change arriving late is recognised and left unapplied."""

    __tablename__ = "account_changes"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    user_id: Mapped[str] = mapped_column(UserId, primary_key=True)
    changed_at: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean)


class RateLimitHold(Base):
    """Slack's Retry-After for one method, kept where every process sees it: a dispatcher
    that was not told must not call inside another one's wait."""

    __tablename__ = "rate_limit_holds"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    method: Mapped[str] = mapped_column(String(64), primary_key=True)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime)
    # Calls are spaced across processes: the next may go at this instant, not before.
    next_call: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The rate a Retry-After taught, and when: it climbs back to the limit from there.
    learned_per_minute: Mapped[float | None] = mapped_column(Float)
    learned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

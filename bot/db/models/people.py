"""Workspaces and the people in them, as mentorbot knows them."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import Boolean, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.models.base import Base, TeamId, UserId
from bot.db.types import UTCDateTime


class Workspace(Base):
    __tablename__ = "workspaces"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    installed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    uninstalled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # On Enterprise Grid: its organisation, and whether the app was installed for the whole
    # organisation (one token serves every workspace of it).
    enterprise_id: Mapped[str | None] = mapped_column(String(32))
    org_install: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Person(Base):
    """What users.info told us about someone, kept briefly to spare Slack's rate limits."""

    __tablename__ = "people"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    user_id: Mapped[str] = mapped_column(UserId, primary_key=True)
    home_team_id: Mapped[str] = mapped_column(TeamId)
    display_name: Mapped[str] = mapped_column(String(255))
    # For calendar invitations; present when the app may read emails (users:read.email).
    email: Mapped[str | None] = mapped_column(String(255))
    # Their organisation on Enterprise Grid: an org-wide install pairs people across it.
    enterprise_id: Mapped[str | None] = mapped_column(String(32))
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
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReminderPreferences(Base):
    """A person's own reminder settings; a null column means the workspace's setting."""

    __tablename__ = "reminder_preferences"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    user_id: Mapped[str] = mapped_column(UserId, primary_key=True)
    quiet_start: Mapped[time | None] = mapped_column(Time)
    quiet_end: Mapped[time | None] = mapped_column(Time)
    quiet_weekends: Mapped[bool | None] = mapped_column(Boolean)
    day_before: Mapped[bool | None] = mapped_column(Boolean)
    starting_soon: Mapped[bool | None] = mapped_column(Boolean)  # as mentor
    mentee_starting_soon: Mapped[bool | None] = mapped_column(Boolean)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class UsualTimes(Base):
    """The weekly windows a mentor says usually suit him, as he typed them and in the zone
    he had then (they are read in his zone now: a window follows him when he moves)."""

    __tablename__ = "usual_times"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    user_id: Mapped[str] = mapped_column(UserId, primary_key=True)
    windows: Mapped[str] = mapped_column(Text)
    tz: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

"""What mentorbot keeps of Slack itself: events taken, account changes, rate limits,
profile sweeps."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.models.base import Base, TeamId, UserId
from bot.db.types import UTCDateTime


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


class ProfileSweep(Base):
    """When a workspace's known profiles were last read from users.list, or when the next
    try may go: a process takes the sweep by moving this forward, so one sweeps at a time."""

    __tablename__ = "profile_sweeps"

    team_id: Mapped[str] = mapped_column(TeamId, primary_key=True)
    next_at: Mapped[datetime] = mapped_column(UTCDateTime)

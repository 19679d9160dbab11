"""Fill the database fast with invitations whose nudges are due (tests and benchmarks)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import Engine, insert, select

from bot.db.models import Invitation, Nudge, Relationship
from bot.domain.nudges import INVITATION, Kind


def seed_invitations(engine: Engine, team_id: str, count: int, due_at: datetime,
                     recipients: list[str], *, kind: Kind = Kind.REPLY_BY_CHECK,
                     chunk: int = 5000, start: int = 0) -> None:
    """`count` open invitations, each with one pending nudge due at `due_at`."""
    with engine.begin() as connection:
        for offset in range(0, count, chunk):
            size = min(chunk, count - offset)
            numbers = range(start + offset, start + offset + size)
            connection.execute(insert(Relationship), [
                {"team_id": team_id, "mentee_id": recipients[n % len(recipients)],
                 "mentor_id": f"UX{n:07d}", "state": "invited", "last_action": "invite",
                 "version": 1, "cadence": "monthly", "minutes": 30, "months": 6,
                 "meeting_format": "video", "created_at": due_at - timedelta(days=8),
                 "invited_at": due_at - timedelta(days=8)}
                for n in numbers])
            ids = list(connection.scalars(
                select(Relationship.id).where(Relationship.team_id == team_id)
                .order_by(Relationship.id.desc()).limit(size)))
            connection.execute(insert(Invitation), [
                {"relationship_id": rid, "team_id": team_id,
                 "intro": "I lead a small team and want to grow into a director role.",
                 "why_them": "Your writing on hiring shaped how I interview.",
                 "offer": "Notes from each session.", "handles_logistics": True,
                 "reply_by": date(2026, 1, 1), "reply_by_at": due_at} for rid in ids])
            connection.execute(insert(Nudge), [
                {"team_id": team_id, "relationship_id": rid, "subject": INVITATION,
                 "kind": kind.value, "recipient_id": "", "status": "pending",
                 "due_at": due_at, "available_at": due_at, "attempts": 0} for rid in ids])
        # Each nudge goes to its relationship's mentee.
        connection.exec_driver_sql(
            "UPDATE nudges SET recipient_id = (SELECT mentee_id FROM relationships "
            "WHERE relationships.id = nudges.relationship_id) WHERE recipient_id = ''")


def wipe_postgres_schema(url: str) -> None:
    """An empty public schema, for a run that brings it to head itself."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()

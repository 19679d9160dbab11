"""The oldest release that may still run on this schema, for rolling upgrades."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.models.base import Base


class SchemaFloor(Base):
    """One row: code that knows `revision` reads nothing a later migration dropped. A
    contraction raises it to the revision whose code stopped reading what it drops; a
    release that knows the floor may start on a schema newer than it knows."""

    __tablename__ = "schema_floor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[str] = mapped_column(String(32))

"""final-session nudges keyed by the timeline's end date

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 17:10:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As bot.services.nudges computes it; copied so this revision never changes meaning.
DAYS_PER_MONTH = 30.44


def _as_utc(value) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def upgrade() -> None:
    # A final-session nudge was keyed "timeline"; it is now "timeline:<end date>", so that a
    # continuation earns a new one. Rekeying the old rows keeps one already sent from being
    # planned and sent a second time.
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT n.id, r.active_at, r.months FROM nudges n JOIN relationships r "
        "ON r.id = n.relationship_id WHERE n.kind = 'final_session' "
        "AND n.subject = 'timeline' AND r.active_at IS NOT NULL")).all()
    for nudge_id, active_at, months in rows:
        end = _as_utc(active_at) + timedelta(days=round(months * DAYS_PER_MONTH))
        connection.execute(sa.text("UPDATE nudges SET subject = :subject WHERE id = :id"),
                           {"subject": f"timeline:{end:%Y-%m-%d}", "id": nudge_id})


def downgrade() -> None:
    op.execute("UPDATE nudges SET subject = 'timeline' WHERE kind = 'final_session' "
               "AND subject LIKE 'timeline:%'")

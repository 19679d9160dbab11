"""each person's own reminder settings

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-27 14:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.db.types import UTCDateTime

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'reminder_preferences',
        sa.Column('team_id', sa.String(length=32), nullable=False),
        sa.Column('user_id', sa.String(length=32), nullable=False),
        sa.Column('quiet_start', sa.Time(), nullable=True),
        sa.Column('quiet_end', sa.Time(), nullable=True),
        sa.Column('quiet_weekends', sa.Boolean(), nullable=True),
        sa.Column('day_before', sa.Boolean(), nullable=True),
        sa.Column('starting_soon', sa.Boolean(), nullable=True),
        sa.Column('updated_at', UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('team_id', 'user_id'),
    )


def downgrade() -> None:
    op.drop_table('reminder_preferences')

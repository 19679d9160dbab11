"""profiles stay fresh by a paced users.list sweep: when each workspace's next sweep may go

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.db.types import UTCDateTime

revision: str = '0027'
down_revision: str | None = '0026'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Only a table added: the release before this one never reads it.
    op.create_table(
        'profile_sweeps',
        sa.Column('team_id', sa.String(length=32), nullable=False),
        sa.Column('next_at', UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('team_id'),
    )


def downgrade() -> None:
    op.drop_table('profile_sweeps')

"""people open to mentoring: `/mentor offer`, found with `/mentor find`

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-27 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision: str = '0019'
down_revision: str | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'mentoring_offers',
        sa.Column('team_id', sa.String(length=32), nullable=False),
        sa.Column('user_id', sa.String(length=32), nullable=False),
        sa.Column('topics', sa.Text(), nullable=False),
        sa.Column('tags', sa.JSON(), nullable=False),
        sa.Column('capacity', sa.Integer(), nullable=False),
        sa.Column('formats', sa.JSON(), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('paused_at', bot.db.types.UTCDateTime(), nullable=True),
        sa.Column('created_at', bot.db.types.UTCDateTime(), nullable=False),
        sa.Column('updated_at', bot.db.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('team_id', 'user_id'),
    )


def downgrade() -> None:
    op.drop_table('mentoring_offers')

"""a mentor's usual times; the summary a mentee shares after a meeting; where she stands
against her goal as she completes

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-06 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision: str = '0031'
down_revision: str | None = '0030'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Expand only: a table and columns the previous release does not read.
    op.create_table('usual_times',
                    sa.Column('team_id', sa.String(length=32), nullable=False),
                    sa.Column('user_id', sa.String(length=32), nullable=False),
                    sa.Column('windows', sa.Text(), nullable=False),
                    sa.Column('tz', sa.String(length=64), nullable=False),
                    sa.Column('updated_at', bot.db.types.UTCDateTime(timezone=True),
                              nullable=False),
                    sa.PrimaryKeyConstraint('team_id', 'user_id'))
    with op.batch_alter_table('meetings') as batch:
        batch.add_column(sa.Column('summary', sa.Text(), nullable=True))
        batch.add_column(sa.Column('summary_shared_at',
                                   bot.db.types.UTCDateTime(timezone=True), nullable=True))
    with op.batch_alter_table('relationships') as batch:
        batch.add_column(sa.Column('goal_now', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('relationships') as batch:
        batch.drop_column('goal_now')
    with op.batch_alter_table('meetings') as batch:
        batch.drop_column('summary_shared_at')
        batch.drop_column('summary')
    op.drop_table('usual_times')

"""events taken once, the newest account change applied per person, shared rate limits

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 12:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.db.types import UTCDateTime

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'slack_events',
        sa.Column('team_id', sa.String(length=32), nullable=False),
        sa.Column('event_id', sa.String(length=64), nullable=False),
        sa.Column('received_at', UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('team_id', 'event_id'),
    )
    op.create_index(op.f('ix_slack_events_received_at'), 'slack_events', ['received_at'])
    op.create_table(
        'account_changes',
        sa.Column('team_id', sa.String(length=32), nullable=False),
        sa.Column('user_id', sa.String(length=32), nullable=False),
        sa.Column('changed_at', sa.Integer(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('team_id', 'user_id'),
    )
    op.create_table(
        'rate_limit_holds',
        sa.Column('team_id', sa.String(length=32), nullable=False),
        sa.Column('method', sa.String(length=64), nullable=False),
        sa.Column('not_before', UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('team_id', 'method'),
    )


def downgrade() -> None:
    op.drop_table('rate_limit_holds')
    op.drop_table('account_changes')
    op.drop_index(op.f('ix_slack_events_received_at'), table_name='slack_events')
    op.drop_table('slack_events')

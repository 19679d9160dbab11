"""calls to Slack are paced across processes, at a rate Retry-After can lower

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.db.types import UTCDateTime

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('rate_limit_holds') as batch:
        batch.add_column(sa.Column('next_call', UTCDateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('learned_per_minute', sa.Float(), nullable=True))
        batch.add_column(sa.Column('learned_at', UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('rate_limit_holds') as batch:
        for name in ('learned_at', 'learned_per_minute', 'next_call'):
            batch.drop_column(name)

"""a relationship nobody booked or decided on lapses: when it did

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.db.types import UTCDateTime

revision: str = '0022'
down_revision: str | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Only a column added: the release before this one never reads it.
    with op.batch_alter_table('relationships') as batch:
        batch.add_column(sa.Column('lapsed_at', UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('relationships') as batch:
        batch.drop_column('lapsed_at')

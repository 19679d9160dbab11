"""the pair's group DM, and each meeting's one booking message in it

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-27 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('relationships') as batch:
        batch.add_column(sa.Column('pair_channel', sa.String(length=32), nullable=True))
    with op.batch_alter_table('meetings') as batch:
        batch.add_column(sa.Column('booking_channel', sa.String(length=32), nullable=True))
        batch.add_column(sa.Column('booking_ts', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('meetings') as batch:
        batch.drop_column('booking_ts')
        batch.drop_column('booking_channel')
    with op.batch_alter_table('relationships') as batch:
        batch.drop_column('pair_channel')

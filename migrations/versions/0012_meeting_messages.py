"""each meeting remembers the DMs that announce its current time

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27 11:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ('mentee_dm_channel', 'mentee_dm_ts', 'mentor_dm_channel', 'mentor_dm_ts')


def upgrade() -> None:
    with op.batch_alter_table('meetings') as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('meetings') as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)

"""the mentee's follow-up carries the invitation's buttons: its words and message are kept

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0025'
down_revision: str | None = '0024'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Only columns added: the release before this one never reads them.
    with op.batch_alter_table('invitations') as batch:
        batch.add_column(sa.Column('follow_up_words', sa.Text(), nullable=True))
        batch.add_column(sa.Column('follow_up_channel', sa.String(32), nullable=True))
        batch.add_column(sa.Column('follow_up_ts', sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('invitations') as batch:
        for column in ('follow_up_ts', 'follow_up_channel', 'follow_up_words'):
            batch.drop_column(column)

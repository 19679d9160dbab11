"""the agenda goes into the calendar event: each one sent is a new version of the event

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0024'
down_revision: str | None = '0023'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Only a column added, with a default: the release before this one never reads it, and
    # its moves still raise the event's SEQUENCE (sequence + agenda_revisions).
    with op.batch_alter_table('meetings') as batch:
        batch.add_column(sa.Column('agenda_revisions', sa.Integer(), nullable=False,
                                   server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('meetings') as batch:
        batch.drop_column('agenda_revisions')

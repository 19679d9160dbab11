""""why this mentor" is asked in each invitation, not kept with the readiness answers

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-27 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # An answer about one mentor was prefilled into invitations to every other one.
    with op.batch_alter_table('readiness_answers') as batch:
        batch.drop_column('why_this_mentor')


def downgrade() -> None:
    with op.batch_alter_table('readiness_answers') as batch:
        batch.add_column(sa.Column('why_this_mentor', sa.Text(), nullable=False,
                                   server_default=''))

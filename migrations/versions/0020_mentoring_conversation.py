"""what the mentee asks for: one mentoring conversation, or a relationship

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-27 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0020'
down_revision: str | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Every relationship before this was asked for as one.
    with op.batch_alter_table('relationships') as batch:
        batch.add_column(sa.Column('ask', sa.String(length=16), nullable=False,
                                   server_default='relationship'))


def downgrade() -> None:
    with op.batch_alter_table('relationships') as batch:
        batch.drop_column('ask')

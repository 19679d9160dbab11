"""the agreement carries the meeting format, so a change along the way can alter it

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-27 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Empty on versions written before: those keep the invitation's format.
    with op.batch_alter_table('agreement_versions') as batch:
        batch.add_column(sa.Column('meeting_format', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('agreement_versions') as batch:
        batch.drop_column('meeting_format')

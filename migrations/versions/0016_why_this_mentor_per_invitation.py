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
    # An answer about one mentor was prefilled into invitations to every other one. The
    # release before still reads and writes the column while servers roll: it is only
    # made optional here (expand), and dropped by 0030 (contract), a release later. A
    # database migrated by this revision's first version has dropped it already.
    columns = {c['name'] for c in sa.inspect(op.get_bind()).get_columns('readiness_answers')}
    if 'why_this_mentor' in columns:
        with op.batch_alter_table('readiness_answers') as batch:
            batch.alter_column('why_this_mentor', existing_type=sa.Text(), nullable=True)


def downgrade() -> None:
    columns = {c['name'] for c in sa.inspect(op.get_bind()).get_columns('readiness_answers')}
    if 'why_this_mentor' in columns:
        with op.batch_alter_table('readiness_answers') as batch:
            batch.alter_column('why_this_mentor', existing_type=sa.Text(), nullable=False,
                               server_default='')

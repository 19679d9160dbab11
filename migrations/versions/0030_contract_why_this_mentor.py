"""contract: readiness answers lose "why this mentor", which no release since 0016 reads;
the schema floor says which releases may still run on the schema

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-06 13:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0030'
down_revision: str | None = '0029'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What this revision drops, one release after the code stopped reading it
# (tests/integration/test_migrations.py holds every other revision to adding only).
CONTRACTS = frozenset({'readiness_answers.why_this_mentor'})


FLOOR = sa.table('schema_floor', sa.column('id', sa.Integer()),
                 sa.column('revision', sa.String()))


def upgrade() -> None:
    op.create_table('schema_floor',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('revision', sa.String(length=32), nullable=False),
                    sa.PrimaryKeyConstraint('id'))
    # Code since 0016 reads nothing dropped here: it may still run on this schema.
    op.bulk_insert(FLOOR, [{'id': 1, 'revision': '0016'}])
    columns = {c['name'] for c in sa.inspect(op.get_bind()).get_columns('readiness_answers')}
    if 'why_this_mentor' in columns:
        with op.batch_alter_table('readiness_answers') as batch:
            batch.drop_column('why_this_mentor')


def downgrade() -> None:
    op.drop_table('schema_floor')
    with op.batch_alter_table('readiness_answers') as batch:
        batch.add_column(sa.Column('why_this_mentor', sa.Text(), nullable=True))

"""a counter-proposal may change the format; her own ask is kept once his terms are agreed

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06 11:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0026'
down_revision: str | None = '0025'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (('counter_format', sa.String(16)), ('asked_cadence', sa.String(16)),
           ('asked_minutes', sa.Integer()), ('asked_months', sa.Integer()),
           ('asked_format', sa.String(16)))


def upgrade() -> None:
    # Only columns added: the release before this one never reads them.
    with op.batch_alter_table('invitations') as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('invitations') as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)

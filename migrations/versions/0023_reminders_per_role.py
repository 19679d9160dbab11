"""reminder settings per role: the mentee's starting-soon reminder has its own column

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0023'
down_revision: str | None = '0022'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Only a column added: the release before this one never reads it.
    with op.batch_alter_table('reminder_preferences') as batch:
        batch.add_column(sa.Column('mentee_starting_soon', sa.Boolean(), nullable=True))
    # The old form saved one starting-soon choice for both roles, prefilled from the
    # mentor's default, so a saved "off" may be a mentee's lost reminder, not her choice:
    # only an explicit "on" is carried over, and an "off" falls back to her default (on).
    prefs = sa.table('reminder_preferences', sa.column('starting_soon', sa.Boolean()),
                     sa.column('mentee_starting_soon', sa.Boolean()))
    op.execute(prefs.update().where(prefs.c.starting_soon.is_(True))
               .values(mentee_starting_soon=True))


def downgrade() -> None:
    with op.batch_alter_table('reminder_preferences') as batch:
        batch.drop_column('mentee_starting_soon')

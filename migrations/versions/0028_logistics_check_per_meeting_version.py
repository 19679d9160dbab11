"""the logistics check is kept per meeting version: a moved meeting is checked again

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06 12:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0028'
down_revision: str | None = '0027'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NUDGES = sa.table('nudges', sa.column('id', sa.Integer()), sa.column('kind', sa.String()),
                  sa.column('subject', sa.String()))
MEETINGS = sa.table('meetings', sa.column('id', sa.Integer()),
                    sa.column('sequence', sa.Integer()))


def _checks(bind, versioned: bool):
    return bind.execute(sa.select(NUDGES.c.id, NUDGES.c.subject).where(
        NUDGES.c.kind == 'logistics_check', NUDGES.c.subject.like('meeting:%'),
        NUDGES.c.subject.like('%:v%') if versioned
        else NUDGES.c.subject.not_like('%:v%'))).all()


def upgrade() -> None:
    # Checks planned or sent before this are for the meeting's current version: named so,
    # the planner finds them and sends none twice.
    bind = op.get_bind()
    sequences = dict(bind.execute(sa.select(MEETINGS.c.id, MEETINGS.c.sequence)).all())
    for nudge_id, subject in _checks(bind, versioned=False):
        meeting_id = int(subject.split(':')[1])
        bind.execute(NUDGES.update().where(NUDGES.c.id == nudge_id).values(
            subject=f"{subject}:v{sequences.get(meeting_id, 0)}"))


def downgrade() -> None:
    bind = op.get_bind()
    for nudge_id, subject in _checks(bind, versioned=True):
        bind.execute(NUDGES.update().where(NUDGES.c.id == nudge_id).values(
            subject=subject.rsplit(':v', 1)[0]))

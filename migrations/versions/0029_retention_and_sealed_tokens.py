"""relationships remember when their words were erased after the retention period; token
columns wide enough for a sealed (encrypted) token

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-06 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision: str = '0029'
down_revision: str | None = '0028'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENS = {'slack_bots': ('bot_token', 'bot_refresh_token'),
          'slack_installations': ('bot_token', 'bot_refresh_token', 'user_token',
                                  'user_refresh_token')}


def upgrade() -> None:
    # Expand only: a new column the previous release does not read, and wider columns it
    # reads as before.
    with op.batch_alter_table('relationships') as batch:
        batch.add_column(sa.Column('words_erased_at', bot.db.types.UTCDateTime(timezone=True),
                                   nullable=True))
    for table, columns in TOKENS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.alter_column(column, type_=sa.String(1000),
                                   existing_type=sa.String(200), existing_nullable=True)


def downgrade() -> None:
    for table, columns in TOKENS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.alter_column(column, type_=sa.String(200),
                                   existing_type=sa.String(1000), existing_nullable=True)
    with op.batch_alter_table('relationships') as batch:
        batch.drop_column('words_erased_at')

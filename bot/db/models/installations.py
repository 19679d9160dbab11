"""The OAuth installations of each workspace (or organisation), and the install flow's
one-use states: slack_sdk's own tables, built on mentorbot's metadata so that alembic
creates and upgrades them with the rest."""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import String

from bot.db.models.base import Base

INSTALLATIONS_TABLE = "slack_installations"
BOTS_TABLE = "slack_bots"
OAUTH_STATES_TABLE = "slack_oauth_states"

installations = SQLAlchemyInstallationStore.build_installations_table(
    Base.metadata, INSTALLATIONS_TABLE)
bots = SQLAlchemyInstallationStore.build_bots_table(Base.metadata, BOTS_TABLE)
# A sealed token (Fernet, bot/slack/token_cipher.py) is about 1.8 times as long as the
# token: slack_sdk's 200 characters hold no rotating one.
SEALED_TOKEN_LENGTH = 1000
for _table, _columns in ((installations, ("bot_token", "bot_refresh_token", "user_token",
                                          "user_refresh_token")),
                         (bots, ("bot_token", "bot_refresh_token"))):
    for _column in _columns:
        _table.c[_column].type = String(SEALED_TOKEN_LENGTH)

oauth_states = SQLAlchemyOAuthStateStore.build_oauth_states_table(
    Base.metadata, OAUTH_STATES_TABLE)

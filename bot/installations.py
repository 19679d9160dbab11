"""Where each workspace's bot token comes from: one `SLACK_BOT_TOKEN` for a single
workspace, or the installations that "Add to Slack" stored (OAuth, many workspaces).

The scheduler has no incoming request, so Bolt's authorize never runs for it: background
work asks `Tokens.for_team` here instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine, and_

from bot.db.models import Workspace
from bot.db.models.installations import BOTS_TABLE, INSTALLATIONS_TABLE, OAUTH_STATES_TABLE
from bot.db.uow import UnitOfWork

log = logging.getLogger(__name__)

# What "Add to Slack" asks for: the manifest's bot scopes (a unit test keeps them equal).
BOT_SCOPES = ("commands", "chat:write", "users:read", "users:read.email", "files:write",
              "im:write", "im:history", "mpim:write")
# How long an install link stays good: Slack's consent screen takes a minute or two.
STATE_LIFETIME_SECONDS = 600
# A token read from the store is reused this long by one process before reading again.
REMEMBER_TOKEN_SECONDS = 10.0


class NotInstalled(Exception):
    """No installation holds a bot token for this workspace (never installed, or removed)."""


class OneUseStateStore(SQLAlchemyOAuthStateStore):
    """slack_sdk's state store reads, then deletes: two workers given the same state could
    both accept it. Deleting is the check here: one statement, one winner."""

    def consume(self, state: str) -> bool:
        c = self.oauth_states.c
        now = datetime.now(UTC).replace(tzinfo=None)
        with self.engine.begin() as connection:
            taken = connection.execute(self.oauth_states.delete().where(
                and_(c.state == state, c.expire_at > now)))
        return taken.rowcount == 1


def installation_store(client_id: str, engine: Engine) -> SQLAlchemyInstallationStore:
    return SQLAlchemyInstallationStore(client_id, engine, bots_table_name=BOTS_TABLE,
                                       installations_table_name=INSTALLATIONS_TABLE,
                                       logger=log)


def state_store(engine: Engine) -> OneUseStateStore:
    return OneUseStateStore(STATE_LIFETIME_SECONDS, engine, logger=log,
                            table_name=OAUTH_STATES_TABLE)


class Tokens:
    """The bot token for a workspace: the one configured, or its installation's."""

    def __init__(self, single_token: str | None = None,
                 store: SQLAlchemyInstallationStore | None = None,
                 reader: Callable[[], UnitOfWork] | None = None) -> None:
        self._single, self._store, self._reader = single_token, store, reader
        self._remembered: dict[str, tuple[float, str]] = {}

    @property
    def many(self) -> bool:
        return self._store is not None

    def for_team(self, team_id: str) -> str:
        if self._store is None:
            return self._single or ""
        now = time.monotonic()
        found = self._remembered.get(team_id)
        if found is not None and now - found[0] < REMEMBER_TOKEN_SECONDS:
            return found[1]
        enterprise_id, org_wide = self._organisation_of(team_id)
        bot = self._store.find_bot(enterprise_id=enterprise_id,
                                   team_id=None if org_wide else team_id,
                                   is_enterprise_install=org_wide)
        if bot is None or not bot.bot_token:
            self._remembered.pop(team_id, None)
            raise NotInstalled(team_id)
        self._remembered[team_id] = (now, bot.bot_token)
        return bot.bot_token

    def forget(self, team_id: str) -> None:
        self._remembered.pop(team_id, None)

    def _organisation_of(self, team_id: str) -> tuple[str | None, bool]:
        """The organisation a workspace was served under, as recorded from its requests
        and its install: an org-wide install's token serves each of its workspaces."""
        if self._reader is None:
            return None, False
        with self._reader() as uow:
            row: Workspace | None = uow.session.get(Workspace, team_id)
            if row is None:
                return None, False
            return row.enterprise_id, bool(row.org_install)

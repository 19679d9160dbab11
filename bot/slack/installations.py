"""Where each workspace's bot token comes from: one `SLACK_BOT_TOKEN` for a single
workspace, or the installations that "Add to Slack" stored (OAuth, many workspaces).

The scheduler has no incoming request, so Bolt's authorize never runs for it: background
work asks `Tokens.for_team` here instead.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from slack_sdk.errors import SlackTokenRotationError
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from slack_sdk.oauth.token_rotation import TokenRotator
from sqlalchemy import Engine, and_, distinct, func, select
from sqlalchemy.exc import SQLAlchemyError

from bot.db.locks import hold_until_commit
from bot.db.models import Workspace
from bot.db.models.installations import (
    BOTS_TABLE,
    INSTALLATIONS_TABLE,
    OAUTH_STATES_TABLE,
    bots,
    installations,
)
from bot.db.uow import UnitOfWork
from bot.slack.token_cipher import TokenCipher
from bot.support import metrics

log = logging.getLogger(__name__)

# What "Add to Slack" asks for: the manifest's bot scopes (a unit test keeps them equal).
BOT_SCOPES = ("commands", "chat:write", "users:read", "files:write", "im:write",
              "im:history", "mpim:write")
# Asked for only when calendar invitations go by email (SMTP_URL).
EMAIL_SCOPE = "users:read.email"


def bot_scopes(emails_calendars: bool) -> list[str]:
    return [*BOT_SCOPES, EMAIL_SCOPE] if emails_calendars else list(BOT_SCOPES)
# How long an install link stays good: Slack's consent screen takes a minute or two.
STATE_LIFETIME_SECONDS = 600
# A token read from the store is reused this long by one process before reading again.
REMEMBER_TOKEN_SECONDS = 10.0


class NotInstalled(Exception):
    """No installation holds a bot token for this workspace (never installed, or removed)."""


class RefreshFailed(NotInstalled):
    """The workspace's token expired and Slack refused to renew it: nothing reaches it
    until someone installs the app again."""


# With token rotation, a bot token is renewed this long before it expires (Bolt's default).
REFRESH_BEFORE_MINUTES = 120


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


_BOT_TOKENS = ("bot_token", "bot_refresh_token")
_ALL_TOKENS = (*_BOT_TOKENS, "user_token", "user_refresh_token")


def _with(entity, fields: tuple[str, ...], change):
    changed = copy.copy(entity)
    for field in fields:
        setattr(changed, field, change(getattr(entity, field, None)))
    return changed


class SealedInstallationStore(SQLAlchemyInstallationStore):
    """slack_sdk's store, every token sealed on its way in and opened on its way out
    (bot/slack/token_cipher.py)."""

    def __init__(self, client_id: str, engine: Engine, cipher: TokenCipher) -> None:
        super().__init__(client_id, engine, bots_table_name=BOTS_TABLE,
                         installations_table_name=INSTALLATIONS_TABLE, logger=log)
        self._cipher = cipher

    def save(self, installation: Installation) -> None:
        super().save(_with(installation, _ALL_TOKENS, self._cipher.seal))

    def save_bot(self, bot: Bot) -> None:
        super().save_bot(_with(bot, _BOT_TOKENS, self._cipher.seal))

    def find_bot(self, **where) -> Bot | None:
        found = super().find_bot(**where)
        return None if found is None else _with(found, _BOT_TOKENS, self._cipher.open)

    def find_installation(self, **where) -> Installation | None:
        found = super().find_installation(**where)
        return None if found is None else _with(found, _ALL_TOKENS, self._cipher.open)


def installation_store(client_id: str, engine: Engine,
                       cipher: TokenCipher | None = None) -> SealedInstallationStore:
    return SealedInstallationStore(client_id, engine, cipher or TokenCipher())


def seal_stored_tokens(engine: Engine, cipher: TokenCipher) -> int:
    """Every stored token sealed with the first key: those stored in plain text before
    encryption, and those sealed with an older key. All or nothing: a token no key opens
    stops it before anything is written. Returns how many were rewritten."""
    changes = []
    with engine.begin() as connection:
        for table, fields in ((bots, _BOT_TOKENS), (installations, _ALL_TOKENS)):
            columns = [table.c[field] for field in fields]
            for row_id, *stored in connection.execute(select(table.c.id, *columns)).all():
                now = [cipher.reseal(value) for value in stored]
                if now != stored:
                    changes.append((table, row_id, dict(zip(fields, now, strict=True))))
        for table, row_id, new in changes:
            connection.execute(table.update().where(table.c.id == row_id).values(**new))
    return len(changes)


def installed_workspaces(engine: Engine) -> int | None:
    """How many workspaces (or organisations) hold a bot token; None when the store can't
    be read (its tables missing, the database refusing)."""
    team = func.coalesce(bots.c.enterprise_id, "") + ":" + func.coalesce(bots.c.team_id, "")
    try:
        with engine.connect() as connection:
            return connection.execute(select(func.count(distinct(team)))).scalar_one()
    except SQLAlchemyError:
        return None


def state_store(engine: Engine) -> OneUseStateStore:
    return OneUseStateStore(STATE_LIFETIME_SECONDS, engine, logger=log,
                            table_name=OAUTH_STATES_TABLE)


def _expiring(bot: Bot) -> bool:
    expires = bot.bot_token_expires_at
    return expires is not None and expires <= time.time() + REFRESH_BEFORE_MINUTES * 60


class Tokens:
    """The bot token for a workspace: the one configured, or its installation's."""

    def __init__(self, single_token: str | None = None,
                 store: SQLAlchemyInstallationStore | None = None,
                 reader: Callable[[], UnitOfWork] | None = None,
                 writer: Callable[[], UnitOfWork] | None = None,
                 rotator: TokenRotator | None = None) -> None:
        self._single, self._store, self._reader = single_token, store, reader
        self._writer, self._rotator = writer, rotator
        self._remembered: dict[str, tuple[float, Bot]] = {}
        self._refreshing = threading.Lock()

    @property
    def many(self) -> bool:
        return self._store is not None

    def for_team(self, team_id: str) -> str:
        if self._store is None:
            return self._single or ""
        return self.bot_for(team_id).bot_token

    def bot_for(self, team_id: str, where: tuple[str | None, bool] | None = None) -> Bot:
        """The workspace's bot, its token renewed first when it is about to expire.
        `where`: its organisation and whether an org-wide install serves it, when the
        request says so; otherwise as recorded."""
        now = time.monotonic()
        found = self._remembered.get(team_id)
        if found is not None and now - found[0] < REMEMBER_TOKEN_SECONDS \
                and not _expiring(found[1]):
            return found[1]
        where = where or self._organisation_of(team_id)
        bot = self._find(team_id, where)
        if self._rotator is not None and _expiring(bot):
            bot = self._refreshed(team_id, where)
        self._remembered[team_id] = (now, bot)
        return bot

    def _find(self, team_id: str, where: tuple[str | None, bool]) -> Bot:
        enterprise_id, org_wide = where
        bot = self._store.find_bot(enterprise_id=enterprise_id,
                                   team_id=None if org_wide else team_id,
                                   is_enterprise_install=org_wide)
        if bot is None or not bot.bot_token:
            self._remembered.pop(team_id, None)
            raise NotInstalled(team_id)
        return bot

    def _refreshed(self, team_id: str, where: tuple[str | None, bool]) -> Bot:
        """Renew the token once, however many threads and replicas need it now: each
        takes the lock, reads again, and only the first finds it still expiring. Slack's
        refresh token is good once, so a second renewal would fail."""
        key = where[0] if where[1] else team_id
        with self._refreshing, self._writer() as uow:
            # PostgreSQL: across replicas. SQLite serves one host, whose processes each
            # run their own dispatcher; the thread lock above covers one process.
            hold_until_commit(uow, "token-refresh", key)
            bot = self._find(team_id, where)
            if _expiring(bot):
                try:
                    renewed = self._rotator.perform_bot_token_rotation(
                        bot=bot, minutes_before_expiration=REFRESH_BEFORE_MINUTES)
                except SlackTokenRotationError as error:
                    log.error("workspace %s: the bot token could not be renewed (%s); its "
                              "nudges stop until the app is installed again", key,
                              error.api_error.response.get("error"))
                    metrics.count_token_refresh("failed")
                    raise RefreshFailed(team_id) from None
                if renewed is not None:
                    self._store.save_bot(renewed)
                    bot = renewed
                    metrics.count_token_refresh("renewed")
                    log.info("workspace %s: bot token renewed", key)
            uow.commit()
        return bot

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

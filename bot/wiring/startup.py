"""What a process checks and brings up to date before it serves: the clock, the schema,
the tokens at rest, and what /readyz asks Slack about."""

from __future__ import annotations

import logging

from bot.support.settings import ConfigError, Settings

log = logging.getLogger("mentorbot")


def check_clock(settings: Settings) -> None:
    """Fail before serving, not in a worker, if the virtual clock cannot be read."""
    from bot.wiring.container import make_clock

    now = make_clock(settings)()
    if settings.virtual_clock_file is not None:
        log.warning("the clock is virtual (VIRTUAL_CLOCK_FILE): it is now %s", now.isoformat())


def seal_tokens(settings: Settings, engine) -> None:
    """Tokens stored in plain text (before encryption) or with an older key are sealed with
    the first key; a key that opens none is refused before anything is written."""
    from bot.slack.installations import seal_stored_tokens
    from bot.slack.token_cipher import TokenCipher, TokenKeyError

    settings.require_token_encryption()
    if not settings.token_keys:
        return
    try:
        sealed = seal_stored_tokens(engine, TokenCipher(settings.token_keys))
    except TokenKeyError as error:
        raise ConfigError(f"{error}: it is not a key they were encrypted with. Put the "
                          "key they were sealed with in TOKEN_ENCRYPTION_KEY (after the "
                          "new one, to rotate). Nothing was changed.") from None
    if sealed:
        log.info("tokens: %d stored rows sealed with the first TOKEN_ENCRYPTION_KEY", sealed)


def migrate(settings: Settings, *, on_start: bool = False) -> None:
    """`mentorbot migrate`, or a process starting: never on a schema newer than this code;
    on start, brought up to date only when MIGRATE_ON_START allows."""
    from bot.db.engine import make_engine
    from bot.db.migrate import SchemaMismatch, check_schema, upgrade_to_head

    engine = make_engine(settings.database_url, pgbouncer=settings.behind_pgbouncer)
    try:
        newer = check_schema(engine, behind_is_fine=not on_start or settings.migrate_on_start,
                             newer_is_fine=on_start)
        if newer:
            log.warning("the database schema is newer than this release; it runs on it, "
                        "as its floor allows (a rolling upgrade or a rollback)")
        elif not on_start or settings.migrate_on_start:
            upgrade_to_head(engine)
        seal_tokens(settings, engine)
    except SchemaMismatch as mismatch:
        raise ConfigError(str(mismatch)) from None
    finally:
        engine.dispose()


def slack_check(settings: Settings, client):
    """What /readyz asks Slack about: the bot token, or the app's id and secret."""
    from bot.wiring.probes import app_credentials_check, token_check

    if settings.installs_by_oauth:
        from slack_sdk import WebClient

        # A client of its own: the probe's expected refusal is no Slack error to count.
        client = WebClient(base_url=settings.slack_api_url,
                           timeout=int(max(1, settings.slack_timeout_seconds)))
        return app_credentials_check(client, settings.slack_client_id,
                                     settings.slack_client_secret.get_secret_value())
    return token_check(client)

"""Runtime configuration, read once from the environment and `.env`."""

from __future__ import annotations

import ipaddress
import os
from datetime import time
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

from bot.support.setting_hints import HINTS

SLACK_API_DEFAULT = "https://slack.com/api/"


class ConfigError(Exception):
    """A setting is missing or invalid; the message names it and says what to do."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    # Fernet keys, comma-separated, the first encrypting: tokens installed workspaces
    # keep in the database are stored encrypted with it.
    token_encryption_key: SecretStr | None = None
    allow_plaintext_tokens: bool = False
    slack_api_url: str = SLACK_API_DEFAULT
    database_url: str = "sqlite:///mentorbot.db"
    # "pgbouncer" behind PgBouncer in transaction mode: no prepared statements.
    database_pool: Literal["direct", "pgbouncer"] = "direct"
    port: int = Field(default=3000, ge=1, le=65535)
    # The address the Slack listener binds to (127.0.0.1 behind a proxy on the same host).
    bind_address: str = "0.0.0.0"
    # host:port of a second, internal listener for /metrics and /readyz; when set, the
    # Slack port no longer answers those two.
    metrics_address: str | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    # Off on replicas that only serve Slack, when `mentorbot dispatch` (or cron and
    # `run-due`) sends the nudges instead.
    scheduler_enabled: bool = True
    # Off when an operator runs `mentorbot migrate` before rolling the servers.
    migrate_on_start: bool = True
    # A workspace that removed the app keeps its mentoring data this long (a re-install
    # finds it as it was), then the dispatcher deletes it; 0 deletes it at once.
    uninstall_retention_days: int = Field(default=30, ge=0, le=3650)
    # The words of a relationship that closed longer ago than this are erased; its figures
    # stay for the report.
    retention_days: int = Field(default=365, ge=1, le=3650)

    mentor_limit: int = Field(default=3, ge=1)
    invitation_reply_days: int = Field(default=7, ge=1, le=30)
    # Days past the reply-by date before an unanswered invitation expires.
    invitation_grace_days: int = Field(default=7, ge=0, le=30)
    # Days after agreeing before the mentee is nudged to send the agreement, and after
    # sending it before they are offered a reminder for the mentor.
    agreement_due_days: int = Field(default=2, ge=1, le=30)
    agreement_reply_days: int = Field(default=2, ge=1, le=30)
    logistics_lead_hours: int = Field(default=24, ge=1, le=168)
    meeting_reminder_minutes: int = Field(default=15, ge=1, le=240)
    # The mentor's own "starting soon" reminder; his day-before reminder already has the
    # time, the link and the topics.
    mentor_starting_soon: bool = False
    scheduler_tick_seconds: float = Field(default=30.0, ge=1, le=3600)
    # Quiet hours in each recipient's own time zone; a nudge due inside waits for the end.
    quiet_hours_start: time = time(21, 0)
    quiet_hours_end: time = time(8, 0)
    quiet_weekends: bool = False
    # A claimed nudge not finished within the lease is claimed again (after a crash).
    nudge_lease_seconds: float = Field(default=120.0, ge=1, le=3600)
    nudge_max_attempts: int = Field(default=5, ge=1, le=50)
    nudge_batch_size: int = Field(default=100, ge=1, le=5000)
    slack_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    # Calls per minute per Slack method for this workspace (Slack's documented tiers when
    # unset): dispatchers space their calls across processes to stay under them.
    slack_calls_per_minute: dict[str, float] = Field(default_factory=dict)
    web_threads: int = Field(default=32, ge=1, le=512)
    # Slack gives up on an answer after 3 s; work before a modal's answer stops here.
    ack_budget_seconds: float = Field(default=1.5, gt=0, le=2.5)
    web_workers: int = Field(default=2, ge=1, le=64)
    # Calendar invitations by email (RFC 6047) to both people's Slack profile addresses:
    # smtps://user:password@host:465, or smtp://host:587 (STARTTLS when offered).
    smtp_url: SecretStr | None = None
    calendar_from: str | None = None
    # Who may see the programme report besides workspace admins: user ids, comma-separated.
    coordinators: str = ""
    # Demos and tests only: "now" is read from this file, so months pass in seconds.
    virtual_clock_file: Path | None = None

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("must start with xoxb-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("must start with xapp-")
        return value

    @field_validator("slack_calls_per_minute")
    @classmethod
    def _rates_shape(cls, value: dict[str, float]) -> dict[str, float]:
        if any(rate < 0 for rate in value.values()):
            raise ValueError("a rate cannot be negative")
        return value

    @field_validator("smtp_url")
    @classmethod
    def _smtp_url_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(("smtp://",
                                                                           "smtps://")):
            raise ValueError("must be an smtp:// or smtps:// URL")
        return value

    @property
    def emails_calendars(self) -> bool:
        return self.smtp_url is not None and bool(self.calendar_from)

    @field_validator("log_level", mode="before")
    @classmethod
    def _log_level_any_case(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _log_format_any_case(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url_shape(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return value if value.endswith("/") else value + "/"

    @field_validator("token_encryption_key")
    @classmethod
    def _token_keys_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            from cryptography.fernet import Fernet

            for key in value.get_secret_value().split(","):
                Fernet(key.strip())  # a ValueError says what is wrong, never the key
        return value

    @property
    def token_keys(self) -> list[str]:
        key = self.token_encryption_key
        return key.get_secret_value().split(",") if key is not None else []

    def require_token_encryption(self) -> None:
        """With Add to Slack, each workspace's tokens are kept in the database: encrypted,
        unless the operator says plainly that they may not be."""
        if self.installs_by_oauth and not self.token_keys and not self.allow_plaintext_tokens:
            raise ConfigError(
                "TOKEN_ENCRYPTION_KEY is not set: installed workspaces' tokens are kept in "
                "the database, encrypted with it. Make one with `mentorbot token-key` and "
                "keep it apart from the database's backups (or set "
                "ALLOW_PLAINTEXT_TOKENS=true to keep them in plain text).")

    @field_validator("bind_address")
    @classmethod
    def _bind_address_shape(cls, value: str) -> str:
        ipaddress.ip_address(value)  # a ValueError names it
        return value

    @field_validator("metrics_address")
    @classmethod
    def _metrics_address_shape(cls, value: str | None) -> str | None:
        if value is not None:
            _host_and_port(value)  # a ValueError names what is wrong
        return value

    @property
    def metrics_listener(self) -> tuple[str, int] | None:
        return None if self.metrics_address is None else _host_and_port(self.metrics_address)

    @field_validator("database_url")
    @classmethod
    def _database_url_shape(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("must be a sqlite:// or postgresql+psycopg:// URL")
        if value.startswith("postgres://") or value.startswith("postgresql://"):
            # Plain postgresql:// would pick psycopg2, which we do not ship.
            value = "postgresql+psycopg://" + value.split("://", 1)[1]
        return value

    @property
    def behind_pgbouncer(self) -> bool:
        return self.database_pool == "pgbouncer"

    @property
    def installs_by_oauth(self) -> bool:
        """Many workspaces, each installed with "Add to Slack": a client id and secret and
        no single bot token. With SLACK_BOT_TOKEN set, mentorbot serves that one workspace
        exactly as before."""
        return (self.slack_bot_token is None and self.slack_client_id is not None
                and self.slack_client_secret is not None)

    def require_a_token(self) -> None:
        """A bot token, or the client id and secret that install one per workspace."""
        if self.slack_bot_token is None and self.slack_client_id is None:
            raise ConfigError("SLACK_BOT_TOKEN is not set: " + HINTS["SLACK_BOT_TOKEN"]
                              + "; or, to install in many workspaces with OAuth, set "
                              "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET instead.")
        if self.slack_bot_token is None:
            self.require("SLACK_CLIENT_SECRET")

    @property
    def coordinator_ids(self) -> frozenset[str]:
        return frozenset(part.strip() for part in self.coordinators.split(",") if part.strip())

    def require(self, *names: str) -> None:
        """Fail with a ConfigError naming the first of `names` that is unset."""
        for name in names:
            if getattr(self, name.lower()) is None:
                raise ConfigError(f"{name} is not set: {HINTS[name]}.")


def _host_and_port(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    host = host.strip("[]")
    ipaddress.ip_address(host)
    if not port.isdigit() or not 1 <= int(port) <= 65535:
        raise ValueError("must end in :port")
    return host, int(port)


def load_settings(**overrides: object) -> Settings:
    """Read settings, turning pydantic's report into one line an operator can act on.

    Under systemd, secrets may come as credentials (LoadCredential=): a file per setting,
    named as its variable, in $CREDENTIALS_DIRECTORY. The environment wins over them."""
    credentials = os.environ.get("CREDENTIALS_DIRECTORY")
    if credentials and "_secrets_dir" not in overrides:
        overrides["_secrets_dir"] = credentials
    try:
        return Settings(**overrides)
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "configuration"
        reason = first["msg"].removeprefix("Value error, ")
        hint = HINTS.get(name, "check its value")
        raise ConfigError(f"{name} is invalid ({reason}): {hint}.") from None
    except SettingsError as error:
        # A JSON setting that does not parse; pydantic names the field, not the variable.
        name = str(error).split('"')[1].upper() if '"' in str(error) else "configuration"
        hint = HINTS.get(name, "check its value")
        raise ConfigError(f"{name} is not valid JSON: {hint}.") from None

"""The one place a Slack WebClient is built, so every call goes to SLACK_API_URL."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.settings import Settings


def make_client(settings: Settings) -> WebClient:
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return WebClient(
        token=token,
        base_url=settings.slack_api_url,
        timeout=int(max(1, settings.slack_timeout_seconds)),
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=1),
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )


def make_lookup_client(settings: Settings) -> WebClient:
    """For calls made before a request is acknowledged: fail fast instead of waiting out
    a Retry-After, because Slack gives up on the request after three seconds."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return WebClient(
        token=token,
        base_url=settings.slack_api_url,
        timeout=2,
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1)],
    )


def quiet_sdk_loggers() -> None:
    # slack_sdk logs request bodies at DEBUG, and those carry people's words.
    for name in ("slack_sdk", "slack_bolt", "slack_sdk.web.base_client"):
        logging.getLogger(name).setLevel(max(logging.INFO, logging.getLogger(name).level))
    # Bolt reports a bad signature at INFO with the whole request body in the line.
    logging.getLogger("slack_bolt.RequestVerification").addFilter(_without_bodies)


def _without_bodies(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    if "body:" in message:
        record.msg, record.args = message.split("(", 1)[0].strip() + " (body withheld)", ()
    return True

"""The one place a Slack WebClient is built, so every call goes to SLACK_API_URL."""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.web import SlackResponse

from bot.db.uow import UnitOfWork
from bot.domain import pacing
from bot.services import rate_limits
from bot.support import metrics
from bot.support.settings import Settings

# The workspace of the one bot token (single-workspace mode); installed workspaces key
# their own holds and turns by team id.
THIS_WORKSPACE = ""


class RateLimitBook:
    """Retry-After holds and the spacing of calls, in the database, seen by every process.

    `remember_for` lets a process reuse what it read of a hold for that long: listeners,
    which make a call or two per click, trade that much staleness for a database read per
    call; the dispatcher, which makes the bursts, reads every time. When what a listener
    remembers has aged, one thread reads again while the others use it a moment longer:
    under load, every request thread would otherwise read the same row at once."""

    def __init__(self, uow: Callable[[], UnitOfWork],
                 remember_for: timedelta = timedelta(0),
                 limits: Mapping[str, float] | None = None) -> None:
        self._uow, self._remember_for = uow, remember_for
        self._limits = dict(limits or {})
        self._read: dict[tuple[str, str], tuple[datetime, datetime | None]] = {}
        self._rereading = threading.Lock()

    def paces(self, method: str) -> bool:
        return self._limit(method) > 0

    def take_turn(self, method: str, workspace: str = THIS_WORKSPACE) -> rate_limits.Turn:
        with self._uow() as uow:
            return rate_limits.take_turn(uow, workspace, method, datetime.now(UTC),
                                         self._limit(method))

    def held_until(self, method: str, workspace: str = THIS_WORKSPACE) -> datetime | None:
        now = datetime.now(UTC)
        read = self._read.get((workspace, method))
        if read is not None and now - read[0] < self._remember_for:
            return read[1]
        if read is None or not self._remember_for:
            return self._reread(method, workspace, now)
        if not self._rereading.acquire(blocking=False):
            return read[1]
        try:
            return self._reread(method, workspace, now)
        finally:
            self._rereading.release()

    def _reread(self, method: str, workspace: str, now: datetime) -> datetime | None:
        with self._uow() as uow:
            until = rate_limits.held_until(uow, workspace, method)
        self._read[(workspace, method)] = (now, until)
        return until

    def hold(self, method: str, until: datetime, workspace: str = THIS_WORKSPACE) -> None:
        with self._uow() as uow:
            rate_limits.hold(uow, workspace, method, until, datetime.now(UTC),
                             self._limit(method))
        self._read.pop((workspace, method), None)

    def next_release(self) -> float:
        """Seconds until the first hold still running ends; 0 when none is."""
        now = datetime.now(UTC)
        with self._uow() as uow:
            until = rate_limits.first_release(uow, THIS_WORKSPACE, now)
        return (until - now).total_seconds() if until is not None else 0.0

    def _limit(self, method: str) -> float:
        return pacing.limit_per_minute(method, self._limits)


class SharedLimitClient(WebClient):
    """A WebClient that honours every Retry-After any process was given and, when `paced`,
    takes turns with every other paced process so that a burst stays under the limit.

    A hold on the method is waited out (`wait_when_held`, for work after an ack) or raised
    as Slack's own 429 at once (the dispatcher, which then releases the nudge until the
    hold ends instead of blocking its batch). A turn longer than `max_turn_wait` is
    treated as a hold: a caller before an ack cannot wait for it."""

    def __init__(self, *args, book: RateLimitBook | None, wait_when_held: bool,
                 paced: bool = False, max_turn_wait: float | None = None,
                 max_waits: int = 2, workspace: str = THIS_WORKSPACE, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._book, self._wait, self._max_waits = book, wait_when_held, max_waits
        self._paced, self._max_turn_wait = paced, max_turn_wait
        self._workspace = workspace

    def api_call(self, api_method: str, **kwargs) -> SlackResponse:
        attempt = 0
        while True:
            last = attempt >= self._max_waits or not self._wait
            wait, held = self._before_call(api_method)
            if wait > 0:
                if held and last:
                    raise self._held(api_method, wait)
                attempt += held
                time.sleep(wait)
                continue
            attempt += 1
            try:
                response = super().api_call(api_method, **kwargs)
            except SlackApiError as error:
                metrics.count_slack_call(api_method, str(error.response.get("error")
                                                         or error.response.status_code))
                if error.response.status_code != 429:
                    raise
                wait = retry_after_seconds(error)
                if self._book is not None:
                    self._book.hold(api_method, datetime.now(UTC) + timedelta(seconds=wait),
                                    self._workspace)
                if last:
                    raise
                time.sleep(wait)
            except Exception as failure:
                metrics.count_slack_call(api_method, type(failure).__name__)
                raise
            else:
                metrics.count_slack_call(api_method, None)
                return response

    def _before_call(self, method: str) -> tuple[float, bool]:
        """How long to wait before calling, and whether that wait is a hold."""
        if self._book is None:
            return 0.0, False
        if self._paced and self._book.paces(method):
            wait, held = self._book.take_turn(method, self._workspace)
            too_long = self._max_turn_wait is not None and wait > self._max_turn_wait
            return wait, held or too_long
        until = self._book.held_until(method, self._workspace)
        remaining = (until - datetime.now(UTC)).total_seconds() if until is not None else 0.0
        return max(0.0, remaining), True

    def _held(self, method: str, remaining: float) -> SlackApiError:
        response = SlackResponse(
            client=self, http_verb="POST", api_url=f"{self.base_url}{method}", req_args={},
            data={"ok": False, "error": "ratelimited"},
            headers={"Retry-After": str(max(1, math.ceil(remaining)))}, status_code=429)
        return SlackApiError("held by an earlier Retry-After", response)


def retry_after_seconds(error: SlackApiError) -> int:
    headers = {k.lower(): v for k, v in (error.response.headers or {}).items()}
    wait = headers.get("retry-after", "30")
    wait = wait[0] if isinstance(wait, list) else wait
    return int(wait) if str(wait).isdigit() else 30


def _configured_token(settings: Settings) -> str | None:
    return settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None


def make_client(settings: Settings, book: RateLimitBook | None = None, *,
                wait_when_held: bool = True, paced: bool = False, token: str | None = None,
                workspace: str = THIS_WORKSPACE) -> WebClient:
    """`token`: an installed workspace's (default: SLACK_BOT_TOKEN)."""
    return SharedLimitClient(
        token=token or _configured_token(settings),
        base_url=settings.slack_api_url,
        timeout=int(max(1, settings.slack_timeout_seconds)),
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=1),
            ServerErrorRetryHandler(max_retry_count=2),
        ],
        book=book, wait_when_held=wait_when_held, paced=paced, workspace=workspace,
    )


def make_lookup_client(settings: Settings, book: RateLimitBook | None = None, *,
                       token: str | None = None,
                       workspace: str = THIS_WORKSPACE) -> WebClient:
    """For calls made before a request is acknowledged: fail fast instead of waiting out
    a Retry-After, because Slack gives up on the request after three seconds."""
    return SharedLimitClient(
        token=token or _configured_token(settings),
        base_url=settings.slack_api_url,
        timeout=2,
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1)],
        book=book, wait_when_held=False, paced=True, max_turn_wait=1.0, workspace=workspace,
    )


def quiet_sdk_loggers() -> None:
    # slack_sdk logs request bodies at DEBUG, and those carry people's words.
    for name in ("slack_sdk", "slack_bolt", "slack_sdk.web.base_client"):
        logging.getLogger(name).setLevel(max(logging.INFO, logging.getLogger(name).level))
    # Bolt reports a bad signature at INFO with the whole request body in the line.
    logging.getLogger("slack_bolt.RequestVerification").addFilter(_without_bodies)
    # Said at every worker's start (SLACK_BOT_TOKEN is set and a client given): noise.
    logging.getLogger("slack_bolt.App").addFilter(_only_at_debug("will be unused"))
    # A workspace with no installation: mentorbot's authorize has said so, once, at INFO.
    logging.getLogger("slack_bolt.MultiTeamsAuthorization").addFilter(
        _only_at_debug("AuthorizeResult (returned value from authorize) for it was not found"))
    # Migrations say what they do at INFO on every run-due; cron would mail it.
    alembic = logging.getLogger("alembic")
    if not alembic.isEnabledFor(logging.DEBUG):
        alembic.setLevel(logging.WARNING)


def _only_at_debug(fragment: str):
    def keep(record: logging.LogRecord) -> bool:
        return fragment not in record.getMessage() or logging.getLogger(
            record.name).isEnabledFor(logging.DEBUG)
    return keep


def _without_bodies(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    if "body:" in message:
        record.msg, record.args = message.split("(", 1)[0].strip() + " (body withheld)", ()
    return True

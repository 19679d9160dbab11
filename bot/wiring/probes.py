"""`/readyz`: can this process do its job? The database answers, and Slack accepts the
single-workspace token. A wrong or revoked token is reported here, not discovered on the
first nudge; Slack is asked at most once a minute per process."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

CHECK_EVERY = 60.0  # seconds


class SlackTokenCheck:
    def __init__(self, client: WebClient, every: float = CHECK_EVERY,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._client, self._every, self._monotonic = client, every, monotonic
        self._lock = threading.Lock()
        self._last: tuple[float, str] | None = None

    def status(self) -> str:
        """"ok", or Slack's error for the token ("invalid_auth", "token_revoked", …), or
        "unreachable"."""
        with self._lock:
            now = self._monotonic()
            if self._last is not None and now - self._last[0] < self._every:
                return self._last[1]
            found = self._ask()
            self._last = (now, found)
            return found

    def _ask(self) -> str:
        try:
            self._client.auth_test()
            return "ok"
        except SlackApiError as error:
            return str(error.response.get("error") or "refused")
        except (URLError, TimeoutError, ConnectionError, OSError):
            return "unreachable"

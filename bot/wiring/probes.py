"""`/readyz`: can this process do its job? The database answers, and Slack accepts the
single-workspace token, or, with "Add to Slack", the app's client id and secret. A wrong
or revoked credential is reported here, not discovered on the first nudge or the first
install; Slack is asked at most once a minute per process."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

CHECK_EVERY = 60.0  # seconds


# Slack checks an app's id and secret before the code it is given: a made-up code is
# refused as invalid_code only when both are right.
PROBE_CODE = "mentorbot-readiness-probe"


class SlackCheck:
    """Slack's word on one credential. `name`: what /readyz calls it; `fine`: Slack's
    errors that still mean the credential is good."""

    def __init__(self, name: str, ask: Callable[[], object], fine: frozenset[str] = frozenset(),
                 every: float = CHECK_EVERY,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.name, self._ask_slack, self._fine = name, ask, fine
        self._every, self._monotonic = every, monotonic
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
            self._ask_slack()
            return "ok"
        except SlackApiError as error:
            code = str(error.response.get("error") or "refused")
            return "ok" if code in self._fine else code
        except (URLError, TimeoutError, ConnectionError, OSError):
            return "unreachable"


def token_check(client: WebClient) -> SlackCheck:
    return SlackCheck("slack_token", client.auth_test)


def app_credentials_check(client: WebClient, client_id: str, client_secret: str) -> SlackCheck:
    return SlackCheck("slack_app", lambda: client.oauth_v2_access(
        client_id=client_id, client_secret=client_secret, code=PROBE_CODE),
        fine=frozenset({"invalid_code"}))

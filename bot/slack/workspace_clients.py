"""Each workspace's Slack clients, built with its own bot token: listeners' (they wait out a
Retry-After after the ack), the dispatcher's (paced; a hold releases the nudge instead of
blocking) and profile lookups' (fail fast, before an ack). One workspace's holds and turns
never slow another's."""

from __future__ import annotations

import threading

from slack_sdk import WebClient

from bot.slack.installations import Tokens
from bot.slack.paced_client import THIS_WORKSPACE, RateLimitBook, make_client, make_lookup_client
from bot.support.settings import Settings

LISTENER, DISPATCH, LOOKUP = "listener", "dispatch", "lookup"


class SlackClients:
    def __init__(self, settings: Settings, tokens: Tokens, listener_book: RateLimitBook,
                 job_book: RateLimitBook) -> None:
        self._settings, self._tokens = settings, tokens
        self._books = {LISTENER: listener_book, DISPATCH: job_book, LOOKUP: job_book}
        # One client per kind and workspace; a renewed token replaces it.
        self._built: dict[tuple[str, str], WebClient] = {}
        self._lock = threading.Lock()

    @property
    def tokens(self) -> Tokens:
        return self._tokens

    def web(self, team_id: str) -> WebClient:
        return self._client(LISTENER, team_id)

    def dispatch(self, team_id: str) -> WebClient:
        return self._client(DISPATCH, team_id)

    def lookup(self, team_id: str) -> WebClient:
        return self._client(LOOKUP, team_id)

    def _client(self, kind: str, team_id: str) -> WebClient:
        """Raises NotInstalled for a workspace no installation serves."""
        token = self._tokens.for_team(team_id)
        workspace = team_id if self._tokens.many else THIS_WORKSPACE
        with self._lock:
            client = self._built.get((kind, workspace))
            if client is None or client.token != token:
                client = self._built[(kind, workspace)] = self._make(kind, token, workspace)
        return client

    def _make(self, kind: str, token: str, workspace: str) -> WebClient:
        book = self._books[kind]
        if kind == LOOKUP:
            return make_lookup_client(self._settings, book, token=token, workspace=workspace)
        return make_client(self._settings, book, token=token, workspace=workspace,
                           wait_when_held=kind == LISTENER, paced=kind == DISPATCH)

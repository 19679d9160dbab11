"""What a listener, a flow or a job needs, built once per process by the composition
root (`bot/wiring/container.py`): settings, the database, each workspace's Slack clients,
the profile directory and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.oauth.token_rotation import TokenRotator
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.db.engine import make_session_factory
from bot.db.one_row import RowReader
from bot.db.uow import ReadingUnit, UnitOfWork
from bot.domain.nudges import Timing
from bot.domain.quiet_hours import QuietHours
from bot.flows.port import SlackPort
from bot.services.people import Directory
from bot.slack.installations import SealedInstallationStore, Tokens, installation_store
from bot.slack.paced_client import RateLimitBook
from bot.slack.token_cipher import TokenCipher
from bot.slack.web_port import WebPort
from bot.slack.workspace_clients import SlackClients
from bot.support.clock import utc_now
from bot.support.settings import Settings


@dataclass
class Deps:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    # Bolt's client: in single-workspace mode the listeners' own; with OAuth installs a
    # client without a token, whose address and timeouts each request's client copies.
    client: WebClient
    clock: Callable[[], datetime] = utc_now
    # Listeners' Retry-After holds, as read by this process (shared with `client`).
    listener_book: RateLimitBook | None = None
    directory: Directory = field(init=False)
    # Each workspace's clients, with its own token: `slack.web(team_id)` and the rest.
    slack: SlackClients = field(init=False)
    installations: SealedInstallationStore | None = field(init=False)
    rate_limits: RateLimitBook = field(init=False)
    # One-statement reads for the forms that open within a trigger's three seconds.
    rows: RowReader = field(init=False)
    _reader_factory: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self._reader_factory = make_session_factory(self.engine, read_only=True)
        self.rows = RowReader(self.engine)
        book = self.rate_limits = RateLimitBook(
            self.uow, limits=self.settings.slack_calls_per_minute)
        self.installations = (installation_store(self.settings.slack_client_id, self.engine,
                                                 TokenCipher(self.settings.token_keys))
                              if self.settings.installs_by_oauth else None)
        token = self.settings.slack_bot_token
        rotator = None
        if self.installations is not None:
            rotator = TokenRotator(
                client_id=self.settings.slack_client_id,
                client_secret=self.settings.slack_client_secret.get_secret_value(),
                client=WebClient(base_url=self.settings.slack_api_url))
        tokens = Tokens(token.get_secret_value() if token else None, self.installations,
                        self.reader, self.uow, rotator)
        self.slack = SlackClients(self.settings, tokens, self.listener_book or book, book)
        self.directory = Directory(self.slack.lookup, self.uow, self.reader,
                                   keep_emails=self.settings.emails_calendars)

    def uow(self) -> UnitOfWork:
        """A unit of work that may write."""
        return UnitOfWork(self.session_factory)

    def reader(self) -> UnitOfWork:
        """A unit of work that only reads; on SQLite it takes no lock."""
        return ReadingUnit(self._reader_factory)

    def now(self) -> datetime:
        return self.clock()

    def dispatch_port(self, team_id: str) -> SlackPort:
        """The flows' Slack for a job (the dispatcher's paced client of that workspace)."""
        return WebPort(self.slack.dispatch(team_id))

    @property
    def timing(self) -> Timing:
        s = self.settings
        return Timing(invitation_grace=timedelta(days=s.invitation_grace_days),
                      agreement_due=timedelta(days=s.agreement_due_days),
                      agreement_reply=timedelta(days=s.agreement_reply_days),
                      logistics_lead=timedelta(hours=s.logistics_lead_hours),
                      reminder_lead=timedelta(minutes=s.meeting_reminder_minutes),
                      starting_soon_for_mentor=s.mentor_starting_soon,
                      email_calendars=s.emails_calendars)

    @property
    def quiet_hours(self) -> QuietHours:
        s = self.settings
        return QuietHours(s.quiet_hours_start, s.quiet_hours_end, s.quiet_weekends)

"""Who someone is on Slack (bot? deactivated? which workspace? which time zone?).

users.info answers are cached in the database for a while: handlers ask often and
Slack rate-limits that method.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import select

from bot.db.models import Person
from bot.db.uow import UnitOfWork

log = logging.getLogger(__name__)

CACHE_FOR = timedelta(hours=6)
# A second, in-process layer spares the database on hot paths such as opening a form.
MEMO_FOR = timedelta(minutes=5)
MEMO_SIZE = 10_000


@dataclass(frozen=True)
class Profile:
    user_id: str
    home_team_id: str
    display_name: str
    tz: str
    is_bot: bool
    deleted: bool
    email: str | None = None
    # On Enterprise Grid, the organisation their workspace belongs to.
    enterprise_id: str | None = None


def _from_row(row: Person) -> Profile:
    return Profile(row.user_id, row.home_team_id, row.display_name, row.tz, row.is_bot,
                   row.deleted, row.email, row.enterprise_id)


def _from_slack(user: dict) -> Profile:
    profile = user.get("profile") or {}
    name = profile.get("display_name") or user.get("real_name") or user.get("name") or user["id"]
    return Profile(
        user_id=user["id"],
        home_team_id=user.get("team_id", ""),
        display_name=name,
        tz=user.get("tz") or "UTC",
        # Slackbot is a bot in all but its flag.
        is_bot=bool(user.get("is_bot")) or user["id"] == "USLACKBOT",
        deleted=bool(user.get("deleted")),
        email=profile.get("email") or None,
        enterprise_id=(user.get("enterprise_user") or {}).get("enterprise_id"),
    )


class Directory:
    """`client_for`: the lookup client of a workspace (each has its own token)."""

    def __init__(self, client_for: Callable[[str], WebClient],
                 uow_factory: Callable[[], UnitOfWork],
                 reader_factory: Callable[[], UnitOfWork] | None = None) -> None:
        self._client_for = client_for
        self._uow_factory = uow_factory
        self._reader_factory = reader_factory or uow_factory
        self._memo: dict[tuple[str, str], tuple[Profile, datetime]] = {}

    def cached(self, team_id: str, user_id: str, now: datetime) -> Profile | None:
        memo = self._memo.get((team_id, user_id))
        if memo is not None and now - memo[1] < MEMO_FOR:
            return memo[0]
        with self._reader_factory() as uow:
            row = uow.session.get(Person, (team_id, user_id))
            if row is None or now - row.fetched_at >= CACHE_FOR:
                return None
            profile = _from_row(row)
        self._keep(team_id, profile, now)
        return profile

    def _keep(self, team_id: str, profile: Profile, now: datetime) -> None:
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()  # crude, but bounded; the database still has them all
        self._memo[(team_id, profile.user_id)] = (profile, now)

    def lookup(self, team_id: str, user_id: str, now: datetime) -> Profile | None:
        """The person's profile, or None when Slack knows no such user."""
        found = self.cached(team_id, user_id, now)
        if found is not None:
            return found
        try:
            response = self._client_for(team_id).users_info(user=user_id)
        except SlackApiError as error:
            if error.response.get("error") == "user_not_found":
                return None
            raise
        profile = _from_slack(response["user"])
        self._remember(team_id, profile, now)
        self._keep(team_id, profile, now)
        return profile

    def seen(self, team_id: str, user_id: str, now: datetime) -> Profile | None:
        """The profile as last seen, however old, or None: never a call to Slack. For a
        time zone to read a form's date and time in, which must answer at once."""
        memo = self._memo.get((team_id, user_id))
        if memo is not None and now - memo[1] < MEMO_FOR:
            return memo[0]
        with self._reader_factory() as uow:
            row = uow.session.get(Person, (team_id, user_id))
            profile = _from_row(row) if row is not None else None
        if profile is not None:
            self._keep(team_id, profile, now)
        return profile

    def known(self, team_id: str, user_id: str, now: datetime) -> Profile | None:
        """The profile as last seen, however old: for a time zone to show or send by,
        which events and the sweep keep current. Asked of Slack only when unknown."""
        return self.seen(team_id, user_id, now) or self.lookup(team_id, user_id, now)

    def confirm(self, team_id: str, user: dict, now: datetime) -> bool:
        """A profile Slack sent unasked (a user_change event, a users.list page) for
        someone mentorbot knows: kept as fresh as a users.info answer. Someone unknown is
        ignored: mentorbot keeps no one it has no reason to."""
        if (team_id, user.get("id", "")) not in self._memo:
            with self._reader_factory() as uow:
                if uow.session.get(Person, (team_id, user.get("id", ""))) is None:
                    return False
        self._remember(team_id, _from_slack(user), now)
        # The next read takes the stored copy, which every process shares.
        self.forget(team_id, user["id"])
        return True

    def _remember(self, team_id: str, profile: Profile, now: datetime) -> None:
        with self._uow_factory() as uow:
            row = uow.session.get(Person, (team_id, profile.user_id))
            if row is None:
                row = Person(team_id=team_id, user_id=profile.user_id)
                uow.session.add(row)
            row.home_team_id = profile.home_team_id
            row.display_name = profile.display_name
            row.tz = profile.tz
            row.is_bot = profile.is_bot
            row.deleted = profile.deleted
            row.email = profile.email
            row.enterprise_id = profile.enterprise_id
            row.fetched_at = now
            try:
                uow.commit()
            except Exception:  # a concurrent lookup stored it first; theirs is as fresh
                log.debug("profile cache write lost a race", exc_info=True)

    def sweep(self, team_id: str, now: datetime, page_size: int = 200) -> int:
        """Read the workspace's members from users.list, a page at a time (each call paced
        by the shared rate-limit book), and keep current the profiles of those mentorbot
        knows. Returns how many were refreshed; a refused page raises SlackApiError."""
        with self._reader_factory() as uow:
            known = set(uow.session.scalars(select(Person.user_id).where(
                Person.team_id == team_id)))
        refreshed, cursor = 0, None
        while known:
            page = self._client_for(team_id).users_list(limit=page_size, cursor=cursor)
            for user in page.get("members") or []:
                if user.get("id") in known:
                    self._remember(team_id, _from_slack(user), now)
                    self.forget(team_id, user["id"])
                    refreshed += 1
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
        return refreshed

    def forget(self, team_id: str, user_id: str) -> None:
        """Drop the in-process copy, so the next lookup asks Slack again."""
        self._memo.pop((team_id, user_id), None)

    def is_workspace_admin(self, team_id: str, user_id: str) -> bool:
        """Asked of Slack each time, never cached: it grants the programme report."""
        user = self._client_for(team_id).users_info(user=user_id)["user"]
        return any(user.get(flag) for flag in ("is_admin", "is_owner", "is_primary_owner"))

    def tz_of(self, team_id: str, user_id: str, now: datetime) -> str:
        """A time zone to show times in: the last one seen, never waited on when known."""
        profile = self.known(team_id, user_id, now)
        return profile.tz if profile else "UTC"

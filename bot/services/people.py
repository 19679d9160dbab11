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
from sqlalchemy import bindparam, select

from bot.db.models import Person
from bot.db.uow import UnitOfWork
from bot.services import retention

log = logging.getLogger(__name__)

CACHE_FOR = timedelta(hours=6)


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


_STORED = select(Person.user_id, Person.home_team_id, Person.display_name, Person.tz,
                 Person.is_bot, Person.deleted, Person.email, Person.enterprise_id,
                 Person.fetched_at)
_STORED_ONE = _STORED.where(Person.team_id == bindparam("team_id"),
                            Person.user_id == bindparam("user_id"))


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


def stored(uow: UnitOfWork, team_id: str, user_id: str) -> tuple[Profile, datetime] | None:
    """The stored profile and when it was read from Slack, or None: inside a unit that
    reads other things too (a form opening reads it with the person's answers)."""
    row = uow.execute(_STORED_ONE, {"team_id": team_id, "user_id": user_id}).first()
    return (Profile(*row[:-1]), row[-1]) if row is not None else None


class Directory:
    """`client_for`: the lookup client of a workspace (each has its own token).

    Profiles live in the database only, which every process shares: a copy held in one
    process would outlive a forget or a change another process applied."""

    def __init__(self, client_for: Callable[[str], WebClient],
                 uow_factory: Callable[[], UnitOfWork],
                 reader_factory: Callable[[], UnitOfWork] | None = None, *,
                 keep_emails: bool = True) -> None:
        self._client_for = client_for
        self._uow_factory = uow_factory
        self._reader_factory = reader_factory or uow_factory
        # Emails are kept only when calendar invitations go by email.
        self._keep_emails = keep_emails

    def _stored(self, team_id: str, user_id: str) -> tuple[Profile, datetime] | None:
        with self._reader_factory() as uow:
            return stored(uow, team_id, user_id)

    def cached(self, team_id: str, user_id: str, now: datetime) -> Profile | None:
        stored = self._stored(team_id, user_id)
        if stored is None or now - stored[1] >= CACHE_FOR:
            return None
        return stored[0]

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
        return profile

    def seen(self, team_id: str, user_id: str, now: datetime) -> Profile | None:
        """The profile as last seen, however old, or None: never a call to Slack. For a
        time zone to read a form's date and time in, which must answer at once."""
        stored = self._stored(team_id, user_id)
        return stored[0] if stored is not None else None

    def known(self, team_id: str, user_id: str, now: datetime) -> Profile | None:
        """The profile as last seen, however old: for a time zone to show or send by,
        which events and the sweep keep current. Asked of Slack only when unknown."""
        return self.seen(team_id, user_id, now) or self.lookup(team_id, user_id, now)

    def confirm(self, team_id: str, user: dict, now: datetime) -> bool:
        """A profile Slack sent unasked (a user_change event, a users.list page) for
        someone mentorbot knows: kept as fresh as a users.info answer. Someone unknown is
        ignored: mentorbot keeps no one it has no reason to."""
        return self._remember(team_id, _from_slack(user), now, only_known=True)

    def _remember(self, team_id: str, profile: Profile, now: datetime,
                  only_known: bool = False) -> bool:
        with self._uow_factory() as uow:
            row = uow.session.get(Person, (team_id, profile.user_id))
            if row is None:
                if only_known:
                    return False
                row = Person(team_id=team_id, user_id=profile.user_id)
                uow.session.add(row)
            row.home_team_id = profile.home_team_id
            row.display_name = profile.display_name
            row.tz = profile.tz
            row.is_bot = profile.is_bot
            row.deleted = profile.deleted
            row.email = profile.email if self._keep_emails else None
            row.enterprise_id = profile.enterprise_id
            row.fetched_at = now
            try:
                uow.commit()
            except Exception:  # a concurrent lookup stored it first; theirs is as fresh
                log.debug("profile cache write lost a race", exc_info=True)
        return True

    def sweep(self, team_id: str, now: datetime, page_size: int = 200) -> int:
        """Read the workspace's members from users.list, a page at a time (each call paced
        by the shared rate-limit book), and keep current the profiles of those mentorbot
        knows and needs (the people of open relationships: the others' profiles age out,
        see services/retention.py). Returns how many were refreshed; a refused page
        raises SlackApiError."""
        with self._reader_factory() as uow:
            known = set(uow.session.scalars(select(Person.user_id).where(
                Person.team_id == team_id))) & retention.needed_people(uow, team_id)
        refreshed, cursor = 0, None
        while known:
            page = self._client_for(team_id).users_list(limit=page_size, cursor=cursor)
            for user in page.get("members") or []:
                # Only those still stored: someone forgotten meanwhile stays forgotten.
                if user.get("id") in known and self._remember(
                        team_id, _from_slack(user), now, only_known=True):
                    refreshed += 1
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
        return refreshed

    def is_workspace_admin(self, team_id: str, user_id: str) -> bool:
        """Asked of Slack each time, never cached: it grants the programme report."""
        user = self._client_for(team_id).users_info(user=user_id)["user"]
        return any(user.get(flag) for flag in ("is_admin", "is_owner", "is_primary_owner"))

    def tz_of(self, team_id: str, user_id: str, now: datetime) -> str:
        """A time zone to show times in: the last one seen, never waited on when known."""
        profile = self.known(team_id, user_id, now)
        return profile.tz if profile else "UTC"

"""Keeping each person's App Home current: published on open, and again after any
committed change to what it shows, from a small pool so no handler waits on it."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from slack_sdk.errors import SlackApiError

from bot.db.changes import watch_people
from bot.domain.relationship import Role
from bot.flows.deps import Deps
from bot.messages.home import home_view
from bot.messages.offers import offer_on_home
from bot.messages.reminders import reminders_line
from bot.services import offers, overview, preferences, readiness, usual_times
from bot.services.personal_data import is_forgotten
from bot.slack.installations import NotInstalled
from bot.slack.web_port import WebPort
from bot.support import metrics

log = logging.getLogger(__name__)


# Publishes of one person's Home race (two workers, two replicas): each publish is followed
# by a fresh read, and repeated while what it showed is already out of date.
PUBLISH_ATTEMPTS = 3


def build_home(deps: Deps, team_id: str, user_id: str) -> dict:
    now = deps.now()
    with deps.reader() as uow:
        standings = overview.of_person(uow, team_id, user_id, now, deps.timing)
        ready = readiness.load(uow, team_id, user_id) is not None
        prefs = preferences.of(uow, team_id, user_id)
        offer = offers.load(uow, team_id, user_id)
        taken = offers.places_taken(uow, team_id, user_id) if offer else 0
        roles = preferences.roles_of(uow, team_id, user_id)
        usual = usual_times.said(uow, team_id, user_id) if Role.MENTOR in roles else ""
    # No times to show, no profile to fetch: a newcomer, or someone just forgotten.
    tz = deps.directory.tz_of(team_id, user_id, now) if standings else "UTC"
    reminders = reminders_line(prefs, deps.quiet_hours, roles,
                               deps.settings.mentor_starting_soon, usual)
    return home_view(user_id, standings, ready, now, tz, reminders,
                     offer_on_home(offer, taken))


def publish_home(deps: Deps, team_id: str, user_id: str) -> None:
    view = build_home(deps, team_id, user_id)
    for _ in range(PUBLISH_ATTEMPTS):
        WebPort(deps.slack.web(team_id)).publish_home(user_id, view)
        latest = build_home(deps, team_id, user_id)
        if latest == view:
            return
        view = latest


class HomeRefresher:
    """Republishes the Homes of people whose data changed. Requests for someone already
    waiting to be refreshed are merged: the refresh reads the database when it runs."""

    def __init__(self, deps: Deps, workers: int = 2) -> None:
        self.deps = deps
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="home")
        self._waiting: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    def request(self, team_id: str, user_ids: frozenset[str]) -> None:
        for user_id in user_ids:
            if is_forgotten(user_id):
                continue
            key = (team_id, user_id)
            with self._lock:
                if key in self._waiting:
                    continue
                self._waiting.add(key)
            metrics.work_started()
            self._pool.submit(self._refresh, key)

    def _refresh(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._waiting.discard(key)
        try:
            publish_home(self.deps, *key)
        except SlackApiError as error:
            log.warning("App Home not refreshed: %s", error.response.get("error"))
        except NotInstalled:
            log.info("App Home not refreshed: workspace %s has no installation", key[0])
        except Exception:
            log.exception("App Home not refreshed")
        finally:
            metrics.work_finished()

    def close(self) -> None:
        """Finish the refreshes already asked for (a short-lived `run-due` waits for them)."""
        self._pool.shutdown(wait=True)


def keep_homes_fresh(deps: Deps) -> HomeRefresher:
    refresher = HomeRefresher(deps)
    watch_people(deps.session_factory, refresher.request)
    return refresher

"""Keeping cached profiles current with a paced users.list sweep, so sending never waits
on users.info: every six hours per workspace, never while nudges are coming due (a morning
burst owns Slack's limits then), and a refused page is tried again later, unwaited."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from urllib.error import URLError

from slack_sdk.errors import SlackApiError

from bot.flows.deps import Deps
from bot.services import nudges, workspaces
from bot.slack.installations import NotInstalled

log = logging.getLogger(__name__)

EVERY = timedelta(hours=6)
# Nothing is swept while a nudge falls due this soon: the burst comes first.
CLEAR_AHEAD = timedelta(minutes=10)
RETRY_AFTER = timedelta(minutes=15)


def sweep_profiles(deps: Deps, now: datetime | None = None) -> dict[str, int]:
    """Sweep each workspace whose turn it is; returns how many profiles each refreshed."""
    now = now or deps.now()
    with deps.reader() as uow:
        if nudges.next_due(uow, now + CLEAR_AHEAD) is not None:
            return {}
        teams = workspaces.known_teams(uow)
    swept = {}
    for team_id in teams:
        with deps.uow() as uow:
            if not workspaces.take_profile_sweep(uow, team_id, now, EVERY):
                continue
        try:
            swept[team_id] = deps.directory.sweep(team_id, now)
        except (SlackApiError, URLError, TimeoutError, NotInstalled) as refused:
            log.info("workspace %s: profile sweep refused (%s); tried again later", team_id,
                     type(refused).__name__)
            with deps.uow() as uow:
                workspaces.sweep_again_at(uow, team_id, now + RETRY_AFTER)
    return swept

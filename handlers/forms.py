"""Opening the forms that several surfaces offer (slash command, App Home, nudges)."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.container import Deps
from bot.services import readiness
from bot.timefmt import days_from, local_today
from handlers.blocks.invitation import composer_defaults, composer_modal
from handlers.blocks.readiness import readiness_modal


def open_readiness_form(deps: Deps, client: WebClient, trigger_id: str, team_id: str,
                        user_id: str) -> None:
    with deps.reader() as uow:
        answers = readiness.load(uow, team_id, user_id)
    client.views_open(trigger_id=trigger_id, view=readiness_modal(answers))


def open_invite_form(deps: Deps, client: WebClient, trigger_id: str, team_id: str,
                     user_id: str, mentor_id: str | None) -> None:
    now = deps.now()
    with deps.reader() as uow:
        answers = readiness.load(uow, team_id, user_id)
    # The cached time zone is good enough for a default date; the modal opens first
    # because its trigger expires in three seconds.
    cached = deps.directory.cached(team_id, user_id, now)
    reply_by = days_from(local_today(now, cached.tz if cached else None),
                         deps.settings.invitation_reply_days)
    client.views_open(trigger_id=trigger_id,
                      view=composer_modal(composer_defaults(mentor_id, answers, reply_by)))
    if cached is None:
        deps.directory.lookup(team_id, user_id, now)  # warm the cache for the submission

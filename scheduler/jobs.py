"""Jobs the dispatcher runs. Each is a function of (deps, now), so tests control time."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from slack_sdk.errors import SlackApiError

from bot.container import Deps
from bot.domain.errors import DomainError
from bot.domain.relationship import Action
from bot.services import invitations
from handlers.blocks.invitation import expired_for_mentee
from handlers.dm import send_dm
from handlers.outcomes import show_outcome_to_mentor

log = logging.getLogger(__name__)


def expire_unanswered_invitations(deps: Deps, now: datetime) -> int:
    """Close invitations nobody answered well past their reply-by date, kindly."""
    grace = timedelta(days=deps.settings.invitation_grace_days)
    with deps.reader() as uow:
        due = invitations.overdue(uow, now, grace)
    expired = 0
    for team_id, relationship_id in due:
        # One failure must not hold up the others.
        try:
            with deps.uow() as uow:
                rel = invitations.act(uow, team_id, relationship_id, invitations.SYSTEM_ACTOR,
                                      Action.EXPIRE, now)
        except DomainError:
            continue  # answered or expired by another process meanwhile
        expired += 1
        try:
            show_outcome_to_mentor(deps.client, deps, rel)
            send_dm(deps.client, rel.mentee_id, expired_for_mentee(rel))
        except SlackApiError as error:
            log.warning("relationship %s expired but Slack refused the notice: %s",
                        relationship_id, error.response.get("error"))
    return expired

"""Showing the result of an answer where the people involved will look for it."""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from bot.container import Deps
from bot.services.relationships import MessageRef, RelationshipView
from handlers.blocks.invitation import invitation_answered, outcome_for_mentor
from handlers.dm import update_dm

log = logging.getLogger(__name__)


def show_outcome_to_mentor(client: WebClient, deps: Deps, rel: RelationshipView,
                           clicked: MessageRef | None = None) -> None:
    """Replace the buttons of the mentor's invitation DM with what happened.

    `clicked` is the message the mentor answered on, when they did: it is the one to
    update, even if its reference is not stored yet (an answer within milliseconds)."""
    where = clicked or rel.mentor_message
    if where is None:
        log.warning("relationship %s has no mentor message to update", rel.id)
        return
    now = deps.now()
    tz = deps.directory.tz_of(rel.team_id, rel.mentor_id, now)
    outcome = outcome_for_mentor(rel, now, tz)
    update_dm(client, where, outcome, invitation_answered(rel, tz, outcome))

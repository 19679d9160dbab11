"""Middleware: each Events API delivery is taken once, whatever Slack retries."""

from __future__ import annotations

import logging

from slack_bolt import BoltContext, BoltResponse

from bot.services import slack_events
from handlers.context import deps_of

log = logging.getLogger(__name__)


def take_each_event_once(body: dict, context: BoltContext, next) -> BoltResponse | None:
    event_id = body.get("event_id")
    if body.get("type") != "event_callback" or not event_id:
        next()
        return None
    deps = deps_of(context)
    with deps.uow() as uow:
        first = slack_events.first_delivery(uow, context.team_id or body["team_id"], event_id,
                                            deps.now())
    if first:
        next()
        return None
    log.info("ignored a repeat of event %s (%s)", event_id, body["event"].get("type"))
    return BoltResponse(status=200, body="")

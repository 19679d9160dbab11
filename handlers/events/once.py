"""Each Events API delivery is taken once, whatever Slack retries: checked on the
listener's own thread, after Slack has its answer (the answer is the same either way)."""

from __future__ import annotations

import logging

from slack_bolt.kwargs_injection.args import Args

from bot.services import slack_events
from handlers.context import deps_of

log = logging.getLogger(__name__)


def first_delivery(args: Args) -> bool:
    body, context = args.body, args.context
    event_id = body.get("event_id")
    if not event_id:
        return True
    deps = deps_of(context)
    with deps.uow() as uow:
        first = slack_events.first_delivery(uow, context.team_id or body["team_id"], event_id,
                                            deps.now())
    if not first:
        log.info("ignored a repeat of event %s (%s)", event_id, body["event"].get("type"))
    return first

"""Delivering one claimed nudge: re-check, respect quiet hours, send once, classify errors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from urllib.error import URLError

from slack_sdk.errors import SlackApiError

from bot.container import Deps
from bot.domain.errors import DomainError
from bot.domain.nudges import BEFORE_START, IGNORE_QUIET_HOURS, Kind, still_applies
from bot.domain.relationship import Action, State
from bot.services import agreements, invitations, meetings, nudges, relationships, workspaces
from bot.services.nudges import Claimed
from bot.services.relationships import MessageRef
from bot.slack_client import retry_after_seconds
from bot.timefmt import zone
from handlers.blocks.agreement import agreement_nudge, unconfirmed_nudge
from handlers.blocks.invitation import expired_for_mentee
from handlers.blocks.meetings import (
    after_meeting_nudge,
    agenda_nudge,
    logistics_check,
    mentor_briefing,
    rhythm_nudge,
    starting_soon,
)
from handlers.blocks.nudges import reply_by_check
from handlers.dm import find_nudge, send_dm
from handlers.outcomes import show_outcome_to_mentor

log = logging.getLogger(__name__)

# Slack's answers that mean this person can no longer be written to.
RECIPIENT_GONE = {"account_inactive", "user_not_found", "channel_not_found", "user_disabled",
                  "cannot_dm_bot"}
# ...and those that mean the whole workspace is closed to us.
WORKSPACE_GONE = {"token_revoked", "token_expired", "invalid_auth", "not_authed",
                  "app_uninstalled", "team_access_not_granted", "team_disabled"}
TRANSIENT = {"internal_error", "fatal_error", "request_timeout", "service_unavailable"}


def _reply_by_check(deps: Deps, nudge: Claimed, now: datetime, tz: str) -> MessageRef:
    with deps.reader() as uow:
        rel = relationships.get(uow, nudge.team_id, nudge.relationship_id, nudge.recipient_id)
    text, blocks = reply_by_check(rel, tz)
    return send_dm(deps.dispatch_client, nudge.recipient_id, text, blocks, nudge_id=nudge.id)


def _invitation_expiry(deps: Deps, nudge: Claimed, now: datetime, tz: str) -> MessageRef:
    if nudge.state is State.INVITED:
        with deps.uow() as uow:
            rel = invitations.act(uow, nudge.team_id, nudge.relationship_id,
                                  relationships.SYSTEM_ACTOR, Action.EXPIRE, now,
                                  timing=deps.timing)
    else:
        with deps.reader() as uow:
            rel = relationships.get(uow, nudge.team_id, nudge.relationship_id, nudge.recipient_id)
    show_outcome_to_mentor(deps.dispatch_client, deps, rel)
    return send_dm(deps.dispatch_client, nudge.recipient_id, expired_for_mentee(rel),
                   nudge_id=nudge.id)


def _agreement_not_sent(deps: Deps, nudge: Claimed, now: datetime, tz: str) -> MessageRef:
    with deps.reader() as uow:
        rel = relationships.get(uow, nudge.team_id, nudge.relationship_id, nudge.recipient_id)
    text, blocks = agreement_nudge(rel)
    return send_dm(deps.dispatch_client, nudge.recipient_id, text, blocks, nudge_id=nudge.id)


def _agreement_unconfirmed(deps: Deps, nudge: Claimed, now: datetime, tz: str) -> MessageRef:
    with deps.reader() as uow:
        version = agreements.newest(uow, nudge.team_id, nudge.relationship_id,
                                    nudge.recipient_id)
    text, blocks = unconfirmed_nudge(version)
    return send_dm(deps.dispatch_client, nudge.recipient_id, text, blocks, nudge_id=nudge.id)


def _agenda(last_call: bool):
    def send(deps: Deps, nudge: Claimed, now: datetime, tz: str) -> MessageRef:
        meeting_id = int(nudge.subject.removeprefix("meeting:"))
        with deps.reader() as uow:
            meeting = meetings.get(uow, nudge.team_id, meeting_id, nudge.recipient_id)
        text, blocks = agenda_nudge(meeting, tz, last_call)
        return send_dm(deps.dispatch_client, nudge.recipient_id, text, blocks, nudge_id=nudge.id)

    return send


def _meeting(nudge: Claimed, deps: Deps):
    with deps.reader() as uow:
        return meetings.get(uow, nudge.team_id, int(nudge.subject.removeprefix("meeting:")),
                            nudge.recipient_id)


def _logistics_check(deps: Deps, nudge: Claimed, now: datetime, tz: str) -> MessageRef:
    meeting = _meeting(nudge, deps)
    mentor_tz = deps.directory.tz_of(nudge.team_id, meeting.relationship.mentor_id, now)
    text, blocks = logistics_check(meeting, tz, mentor_tz)
    return send_dm(deps.dispatch_client, nudge.recipient_id, text, blocks, nudge_id=nudge.id)


def _mentor_briefing(deps: Deps, nudge: Claimed, now: datetime, tz: str) -> MessageRef:
    text, blocks = mentor_briefing(_meeting(nudge, deps), tz)
    return send_dm(deps.dispatch_client, nudge.recipient_id, text, blocks, nudge_id=nudge.id)


def _starting_soon(deps: Deps, nudge: Claimed, now: datetime, tz: str) -> MessageRef:
    text, blocks = starting_soon(_meeting(nudge, deps), nudge.recipient_id, tz)
    return send_dm(deps.dispatch_client, nudge.recipient_id, text, blocks, nudge_id=nudge.id)


def _afterwards(again: bool):
    def send(deps: Deps, nudge: Claimed, now: datetime, tz: str) -> MessageRef:
        text, blocks = after_meeting_nudge(_meeting(nudge, deps), tz, again)
        return send_dm(deps.dispatch_client, nudge.recipient_id, text, blocks, nudge_id=nudge.id)

    return send


def _rhythm(final: bool):
    def send(deps: Deps, nudge: Claimed, now: datetime, tz: str) -> MessageRef:
        with deps.reader() as uow:
            rel = relationships.get(uow, nudge.team_id, nudge.relationship_id, nudge.recipient_id)
        text, blocks = rhythm_nudge(rel, final)
        return send_dm(deps.dispatch_client, nudge.recipient_id, text, blocks, nudge_id=nudge.id)

    return send


SENDERS: dict[Kind, Callable[[Deps, Claimed, datetime, str], MessageRef]] = {
    Kind.REPLY_BY_CHECK: _reply_by_check,
    Kind.INVITATION_EXPIRY: _invitation_expiry,
    Kind.AGREEMENT_NOT_SENT: _agreement_not_sent,
    Kind.AGREEMENT_UNCONFIRMED: _agreement_unconfirmed,
    Kind.AGENDA_DUE: _agenda(last_call=False),
    Kind.AGENDA_LAST_CALL: _agenda(last_call=True),
    Kind.LOGISTICS_CHECK: _logistics_check,
    Kind.MENTOR_BRIEFING: _mentor_briefing,
    Kind.STARTING_SOON_MENTEE: _starting_soon,
    Kind.STARTING_SOON_MENTOR: _starting_soon,
    Kind.AFTER_MEETING: _afterwards(again=False),
    Kind.THANKS_REMINDER: _afterwards(again=True),
    Kind.KEEP_RHYTHM: _rhythm(final=False),
    Kind.FINAL_SESSION: _rhythm(final=True),
}


def deliver(deps: Deps, nudge_id: int, worker: str, clock: Callable[[], datetime]) -> str:
    """Do what one claimed nudge asks; returns what became of it. `clock` tells the
    current instant of the run, read again just before sending."""
    now = clock()
    with deps.reader() as uow:
        nudge = nudges.load(uow, nudge_id, worker)
        gone = nudge is not None and workspaces.is_uninstalled(uow, nudge.team_id)
    if nudge is None:
        return "lost_claim"  # its lease ran out and another dispatcher has it now
    if gone:
        return _finish(deps, "stopped", nudges.mark_failed, nudge_id, worker, "app_uninstalled")
    if not still_applies(nudge.kind, nudge.state) or (
            nudge.kind in BEFORE_START and _meeting(nudge, deps).plan.starts_at <= now):
        return _finish(deps, "obsolete", nudges.mark_obsolete, nudge_id, worker)
    try:
        return _send(deps, nudge, worker, clock)
    except SlackApiError as error:
        return _slack_refused(deps, nudge, worker, clock(), error)
    except (URLError, TimeoutError, ConnectionError) as error:
        return _retry_later(deps, nudge, worker, clock(), type(error).__name__)
    except DomainError:
        # The relationship moved on between the claim and the act.
        return _finish(deps, "obsolete", nudges.mark_obsolete, nudge_id, worker)


def _send(deps: Deps, nudge: Claimed, worker: str, clock: Callable[[], datetime]) -> str:
    profile = deps.directory.lookup(nudge.team_id, nudge.recipient_id, clock())
    if profile is None or profile.deleted:
        return _recipient_gone(deps, nudge, worker, "user_not_found" if profile is None
                               else "account_inactive")
    if nudge.attempts > 1:
        # Claimed before by a dispatcher that may have died after Slack took the message.
        earlier = find_nudge(deps.dispatch_client, nudge.recipient_id, nudge.id)
        if earlier is not None:
            with deps.uow() as uow:
                nudges.mark_sent(uow, nudge.id, worker, clock(), earlier.channel, earlier.ts)
            return "found_sent"
    # Judged last, just before sending: every call above may have waited on Slack.
    now = clock()
    allowed = (now if nudge.kind in IGNORE_QUIET_HOURS
               else deps.quiet_hours.next_allowed(now, zone(profile.tz)))
    if allowed > now:
        with deps.uow() as uow:
            nudges.release(uow, nudge.id, worker, allowed, "quiet_hours", refund_attempt=True)
        return "deferred"
    ref = SENDERS[nudge.kind](deps, nudge, now, profile.tz)
    with deps.uow() as uow:
        nudges.mark_sent(uow, nudge.id, worker, clock(), ref.channel, ref.ts)
    return "sent"


def _slack_refused(deps: Deps, nudge: Claimed, worker: str, now: datetime,
                   error: SlackApiError) -> str:
    code = error.response.get("error") or ""
    status = error.response.status_code
    if code in RECIPIENT_GONE:
        return _recipient_gone(deps, nudge, worker, code)
    if code in WORKSPACE_GONE:
        log.warning("workspace %s: Slack answered %s; all its nudges stop", nudge.team_id, code)
        with deps.uow() as uow:
            nudges.mark_failed(uow, nudge.id, worker, code)
        with deps.uow() as uow:
            workspaces.mark_uninstalled(uow, nudge.team_id, now)
        return "stopped"
    if status == 429 or code == "ratelimited":
        wait = retry_after_seconds(error)
        with deps.uow() as uow:
            nudges.release(uow, nudge.id, worker, now + timedelta(seconds=wait), "ratelimited",
                           refund_attempt=True)
        return "rate_limited"
    if status >= 500 or code in TRANSIENT:
        return _retry_later(deps, nudge, worker, now, code or f"http_{status}")
    with deps.uow() as uow:
        nudges.mark_failed(uow, nudge.id, worker, code or f"http_{status}")
    log.warning("nudge %s failed: %s", nudge.id, code)
    return "failed"


def _recipient_gone(deps: Deps, nudge: Claimed, worker: str, reason: str) -> str:
    with deps.uow() as uow:
        nudges.mark_failed(uow, nudge.id, worker, reason)
    with deps.uow() as uow:
        paused = nudges.pause_relationship(uow, nudge.relationship_id, reason)
    log.warning("relationship %s: %s; its nudges are paused (%s more)", nudge.relationship_id,
                reason, paused)
    return "failed"


def _retry_later(deps: Deps, nudge: Claimed, worker: str, now: datetime, reason: str) -> str:
    if nudge.attempts >= deps.settings.nudge_max_attempts:
        with deps.uow() as uow:
            nudges.mark_failed(uow, nudge.id, worker, f"gave up after {nudge.attempts}: {reason}")
        log.warning("nudge %s failed after %s attempts: %s", nudge.id, nudge.attempts, reason)
        return "failed"
    backoff = timedelta(seconds=min(3600, 30 * 2 ** (nudge.attempts - 1)))
    with deps.uow() as uow:
        nudges.release(uow, nudge.id, worker, now + backoff, reason)
    return "retry"


def _finish(deps: Deps, outcome: str, mark, nudge_id: int, worker: str, *args) -> str:
    with deps.uow() as uow:
        mark(uow, nudge_id, worker, *args)
    return outcome

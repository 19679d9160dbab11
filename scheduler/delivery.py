"""Delivering one claimed nudge: re-check, respect quiet hours, send once, classify errors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from urllib.error import URLError

from slack_sdk.errors import SlackApiError

from bot.domain.errors import DomainError
from bot.domain.nudges import Channel, still_applies
from bot.domain.nudges.delivery import DeliveryOutcome
from bot.flows import nudges as nudge_flows
from bot.flows.deps import Deps
from bot.flows.dm import find_nudge
from bot.services import meetings, nudges, workspaces
from bot.services.nudges import Claimed
from bot.slack.installations import NotInstalled, RefreshFailed
from bot.slack.paced_client import retry_after_seconds
from bot.support import metrics
from bot.support.logs import serving
from bot.support.timefmt import zone
from scheduler.email_delivery import deliver_email

log = logging.getLogger(__name__)

# Slack's answers that mean this person can no longer be written to.
RECIPIENT_GONE = {"account_inactive", "user_not_found", "channel_not_found", "user_disabled",
                  "cannot_dm_bot"}
# ...and those that mean the whole workspace is closed to us.
WORKSPACE_GONE = {"token_revoked", "token_expired", "invalid_auth", "not_authed",
                  "app_uninstalled", "team_access_not_granted", "team_disabled"}
TRANSIENT = {"internal_error", "fatal_error", "request_timeout", "service_unavailable"}


def deliver(deps: Deps, nudge_id: int, worker: str,
            clock: Callable[[], datetime]) -> DeliveryOutcome:
    """Do what one claimed nudge asks; returns what became of it. `clock` tells the
    current instant of the run, read again just before sending."""
    return deliver_batch(deps, [nudge_id], worker, clock)[nudge_id]


def deliver_batch(deps: Deps, nudge_ids: list[int], worker: str,
                  clock: Callable[[], datetime]) -> dict[int, DeliveryOutcome]:
    """A claimed batch, read in a few queries for all of it, each then sent in turn."""
    with deps.reader() as uow:
        loaded = nudges.load_many(uow, nudge_ids, worker)
        gone = workspaces.uninstalled_among(uow, {n.team_id for n in loaded.values()})
    outcomes = {}
    for nudge_id in nudge_ids:
        nudge = loaded.get(nudge_id)
        try:
            outcomes[nudge_id] = DeliveryOutcome.LOST_CLAIM if nudge is None else (
                _deliver_one(deps, nudge, nudge.team_id in gone, worker, clock))
        except Exception:
            # Left claimed: its lease runs out and a later tick tries again.
            log.exception("nudge %s: delivery failed unexpectedly", nudge_id)
            outcomes[nudge_id] = DeliveryOutcome.ERROR
    return outcomes


def _deliver_one(deps: Deps, nudge: Claimed, gone: bool, worker: str,
                 clock: Callable[[], datetime]) -> DeliveryOutcome:
    now = clock()
    with serving(kind=f"nudge {nudge.kind.name}", team=nudge.team_id):
        outcome = _deliver_claimed(deps, nudge, gone, worker, clock, now)
    metrics.count_nudge(nudge.kind.name, outcome)
    if nudge.kind.channel is Channel.EMAIL and outcome.counts_for_email:
        metrics.count_email(outcome)
    return outcome


def _deliver_claimed(deps: Deps, nudge: Claimed, gone: bool, worker: str,
                     clock: Callable[[], datetime], now: datetime) -> DeliveryOutcome:
    nudge_id = nudge.id
    if gone:
        return _finish(deps, DeliveryOutcome.STOPPED, nudges.mark_failed, nudge_id, worker,
                       "app_uninstalled")
    if not still_applies(nudge.kind, nudge.state) or (
            nudge.kind.before_start and _meeting_started(deps, nudge, now)):
        return _finish(deps, DeliveryOutcome.OBSOLETE, nudges.mark_obsolete, nudge_id, worker)
    if nudge.kind.channel is Channel.EMAIL:
        return deliver_email(deps, nudge, worker, clock, lambda reason: _retry_later(
            deps, nudge, worker, clock(), reason))
    try:
        return _send(deps, nudge, worker, clock)
    except SlackApiError as error:
        return _slack_refused(deps, nudge, worker, clock(), error)
    except (URLError, TimeoutError, ConnectionError) as error:
        return _retry_later(deps, nudge, worker, clock(), type(error).__name__)
    except NotInstalled as gone:
        # Removed from Slack, or its token could not be renewed: nothing reaches anyone
        # there until it is installed again, which lets its held nudges go on.
        reason = workspaces.REFRESH_FAILED if isinstance(gone, RefreshFailed) \
            else workspaces.UNINSTALLED
        log.info("workspace %s: %s; its nudges are held", nudge.team_id, reason)
        with deps.uow() as uow:
            nudges.pause_workspace(uow, nudge.team_id, reason)
            uow.commit()
        return _finish(deps, DeliveryOutcome.STOPPED, nudges.mark_paused, nudge_id, worker, reason)
    except DomainError:
        # The relationship moved on between the claim and the act.
        return _finish(deps, DeliveryOutcome.OBSOLETE, nudges.mark_obsolete, nudge_id, worker)


def _send(deps: Deps, nudge: Claimed, worker: str,
          clock: Callable[[], datetime]) -> DeliveryOutcome:
    # The profile as last seen: user_change events and the sweep keep it current, so a
    # morning burst asks Slack only about people it has never seen.
    profile = deps.directory.known(nudge.team_id, nudge.recipient_id, clock())
    if profile is None or profile.deleted:
        return _recipient_gone(deps, nudge, worker, "user_not_found" if profile is None
                               else "account_inactive")
    if nudge.attempts > 1:
        # Claimed before by a dispatcher that may have died after Slack took the message.
        earlier = find_nudge(deps.dispatch_port(nudge.team_id), nudge.recipient_id,
                             nudge.id)
        if earlier is not None:
            with deps.uow() as uow:
                nudges.mark_sent(uow, nudge.id, worker, clock(), earlier.channel, earlier.ts)
            return DeliveryOutcome.FOUND_SENT
    # Judged last, just before sending: every call above may have waited on Slack.
    now = clock()
    quiet = nudge.recipient_prefs.quiet_hours(deps.quiet_hours)
    allowed = quiet.next_allowed(now, zone(profile.tz)) if nudge.kind.quiet_hours else now
    if allowed > now:
        with deps.uow() as uow:
            nudges.release(uow, nudge.id, worker, allowed, "quiet_hours", refund_attempt=True)
        return DeliveryOutcome.DEFERRED
    ref = nudge_flows.send(deps, deps.dispatch_port(nudge.team_id), nudge,
                           profile.tz, now)
    with deps.uow() as uow:
        nudges.mark_sent(uow, nudge.id, worker, clock(), ref.channel, ref.ts)
        if nudge.kind.replans_when_sent:
            nudges.replan_by_id(uow, nudge.relationship_id, deps.timing)
            uow.commit()
    return DeliveryOutcome.SENT


def _meeting_started(deps: Deps, nudge: Claimed, now: datetime) -> bool:
    with deps.reader() as uow:
        meeting = meetings.get(uow, nudge.team_id, nudge.subject.meeting_id,
                               nudge.recipient_id)
    return meeting.plan.starts_at <= now


def _slack_refused(deps: Deps, nudge: Claimed, worker: str, now: datetime,
                   error: SlackApiError) -> DeliveryOutcome:
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
        return DeliveryOutcome.STOPPED
    if status == 429 or code == "ratelimited":
        wait = retry_after_seconds(error)
        with deps.uow() as uow:
            nudges.release(uow, nudge.id, worker, now + timedelta(seconds=wait), "ratelimited",
                           refund_attempt=True)
        return DeliveryOutcome.RATE_LIMITED
    if status >= 500 or code in TRANSIENT:
        return _retry_later(deps, nudge, worker, now, code or f"http_{status}")
    with deps.uow() as uow:
        nudges.mark_failed(uow, nudge.id, worker, code or f"http_{status}")
    log.warning("nudge %s failed: %s", nudge.id, code)
    return DeliveryOutcome.FAILED


def _recipient_gone(deps: Deps, nudge: Claimed, worker: str, reason: str) -> DeliveryOutcome:
    with deps.uow() as uow:
        nudges.mark_failed(uow, nudge.id, worker, reason)
    with deps.uow() as uow:
        paused = nudges.pause_relationship(uow, nudge.relationship_id, reason)
    log.warning("relationship %s: %s; its nudges are paused (%s more)", nudge.relationship_id,
                reason, paused)
    return DeliveryOutcome.FAILED


def _retry_later(deps: Deps, nudge: Claimed, worker: str, now: datetime,
                 reason: str) -> DeliveryOutcome:
    if nudge.attempts >= deps.settings.nudge_max_attempts:
        with deps.uow() as uow:
            nudges.mark_failed(uow, nudge.id, worker, f"gave up after {nudge.attempts}: {reason}")
        log.warning("nudge %s failed after %s attempts: %s", nudge.id, nudge.attempts, reason)
        return DeliveryOutcome.FAILED
    backoff = timedelta(seconds=min(3600, 30 * 2 ** (nudge.attempts - 1)))
    with deps.uow() as uow:
        nudges.release(uow, nudge.id, worker, now + backoff, reason)
    return DeliveryOutcome.RETRY


def _finish(deps: Deps, outcome: DeliveryOutcome, mark, nudge_id: int, worker: str,
            *args) -> DeliveryOutcome:
    with deps.uow() as uow:
        mark(uow, nudge_id, worker, *args)
    return outcome

"""Prometheus figures for operators: what was asked of mentorbot, what it asked of Slack,
and how its outbox keeps up. Counts and kinds only: no ids of people, no words.

Under gunicorn, each worker writes its samples to PROMETHEUS_MULTIPROC_DIR and `/metrics`
adds them up (prometheus-client's multiprocess mode). That variable is read when
prometheus_client is first imported, so the import waits for the first use here, after
`serve` has set it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import Engine, func, select

from bot.db import models
from bot.db.engine import READ_ONLY
from bot.domain.nudges import NudgeStatus
from bot.domain.nudges.delivery import DeliveryOutcome

MULTIPROC_DIR = "PROMETHEUS_MULTIPROC_DIR"
# From a click's arrival to Bolt's answer; Slack gives up at 3 s.
ACK_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 5.0)


_made: list[SimpleNamespace] = []
_making = threading.Lock()


def _metrics() -> SimpleNamespace:
    # Made once per process, on first use by whichever thread comes first.
    if not _made:
        with _making:
            if not _made:
                _made.append(_make())
    return _made[0]


def _make() -> SimpleNamespace:
    from prometheus_client import Counter, Gauge, Histogram

    return SimpleNamespace(
        requests=Counter("mentorbot_requests", "Requests from Slack, by surface and outcome",
                         ["surface", "outcome"]),
        ack=Histogram("mentorbot_ack_seconds", "Time to answer a Slack request",
                      ["surface"], buckets=ACK_BUCKETS),
        slack_calls=Counter("mentorbot_slack_api_calls", "Slack Web API calls, by method "
                            "and error (ok when none)", ["method", "error"]),
        nudges=Counter("mentorbot_nudges", "Nudges the dispatcher finished, by kind and "
                       "outcome", ["kind", "outcome"]),
        emails=Counter("mentorbot_emails", "Calendar emails, by outcome", ["outcome"]),
        # Summed over the live workers. Work goes on after the ack: this says whether any
        # is still under way (a test waits for it before it looks).
        busy=Gauge("mentorbot_work_in_progress", "Listener runs and App Home refreshes "
                   "accepted and not yet finished", multiprocess_mode="livesum"),
        token_refreshes=Counter("mentorbot_token_refreshes", "Bot token renewals (token "
                                "rotation), by outcome: renewed or failed", ["outcome"]),
    )


def count_request(surface: str, outcome: str, seconds: float | None = None) -> None:
    m = _metrics()
    m.requests.labels(surface, outcome).inc()
    if seconds is not None:
        m.ack.labels(surface).observe(seconds)


def count_slack_call(method: str, error: str | None) -> None:
    _metrics().slack_calls.labels(method, error or "ok").inc()


def count_nudge(kind: str, outcome: DeliveryOutcome) -> None:
    _metrics().nudges.labels(kind, outcome.value).inc()


def work_started() -> None:
    _metrics().busy.inc()


def work_finished() -> None:
    _metrics().busy.dec()


def count_token_refresh(outcome: str) -> None:
    _metrics().token_refreshes.labels(outcome).inc()


def count_email(outcome: DeliveryOutcome) -> None:
    _metrics().emails.labels(outcome.value).inc()


class OutboxCollector:
    """Read at each scrape from the database, which every process shares: the nudges due
    and not yet sent, and how long the oldest of them has waited."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        self._engine, self._clock = engine, clock

    def collect(self) -> Iterator:
        from prometheus_client.core import GaugeMetricFamily

        N = models.Nudge
        now = self._clock()
        # A reader: on SQLite a scrape must never queue behind a writer's lock.
        with self._engine.execution_options(**{READ_ONLY: True}).connect() as connection:
            count, oldest = connection.execute(
                select(func.count(), func.min(N.due_at)).where(
                    N.status == NudgeStatus.PENDING, N.due_at <= now)).one()
        if oldest is not None and oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=now.tzinfo)
        yield GaugeMetricFamily("mentorbot_outbox_due_unsent",
                                "Nudges due and not yet sent", value=count)
        yield GaugeMetricFamily("mentorbot_outbox_oldest_due_age_seconds",
                                "How long the oldest due, unsent nudge has waited",
                                value=(now - oldest).total_seconds() if oldest else 0.0)


class _ThisProcess:
    """A single process's own samples (a dispatcher's), inside another registry."""

    def __init__(self, registry) -> None:
        self._registry = registry

    def collect(self) -> Iterator:
        return self._registry.collect()


def exposition(engine: Engine, clock: Callable[[], datetime]) -> tuple[bytes, str]:
    """The text format for one scrape: every process's samples, and the outbox."""
    from prometheus_client import (
        CONTENT_TYPE_LATEST,
        REGISTRY,
        CollectorRegistry,
        generate_latest,
        multiprocess,
    )

    _metrics()
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROC_DIR):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_ThisProcess(REGISTRY))
    registry.register(OutboxCollector(engine, clock))
    return generate_latest(registry), CONTENT_TYPE_LATEST


def worker_exited(pid: int) -> None:
    """gunicorn's child_exit: a dead worker's live gauges must not linger."""
    if os.environ.get(MULTIPROC_DIR):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)

"""Prometheus figures for operators: what was asked of mentorbot, what it asked of Slack,
and how its outbox keeps up. Counts and kinds only: no ids of people, no words.

Under gunicorn, each worker writes its samples to PROMETHEUS_MULTIPROC_DIR and `/metrics`
adds them up (prometheus-client's multiprocess mode). That variable is read when
prometheus_client is first imported, so the import waits for the first use here, after
`serve` has set it.

In that mode every sample is a write to a shared file under one lock for the whole process.
Request threads queued on it for longer than the write itself took, so counts and ack times
are gathered in this process and written by one thread once a second, before a scrape and
at exit (`Tally`). So is the work in progress, except when this process turns busy or
idle: that is written at once, because tests wait for every process to be idle.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
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
# How far a scrape may trail this process's counts; Prometheus scrapes every 15 s or so.
FLUSH_SECONDS = 1.0

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


class Tally:
    """What this process counted since its last flush: sums per counter and labels, the
    ack times not yet observed, and its work in progress. Adding takes a lock held for a
    dict update only; the work in progress is written under it when it turns to or from
    none, which no request waits on once the process is busy."""

    def __init__(self, metrics: Callable[[], SimpleNamespace]) -> None:
        self._metrics = metrics
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, tuple[str, ...]], int] = {}
        self._acks: list[tuple[str, float]] = []
        self._writer_pid = 0
        self._busy = self._busy_written = 0

    def add(self, counter: str, *labels: str) -> None:
        key = (counter, labels)
        with self._lock:
            self._counts[key] = self._counts.get(key, 0) + 1
        self._keep_writing()

    def request(self, surface: str, outcome: str, seconds: float | None) -> None:
        """A request answered: its count and, when timed, its ack time, in one hold of
        the lock."""
        key = ("requests", (surface, outcome))
        with self._lock:
            self._counts[key] = self._counts.get(key, 0) + 1
            if seconds is not None:
                self._acks.append((surface, seconds))
        self._keep_writing()

    def started(self) -> None:
        with self._lock:
            self._busy += 1
            if self._busy_written == 0:
                self._write_busy()

    def finished(self) -> None:
        with self._lock:
            self._busy -= 1
            if self._busy == 0:
                self._write_busy()

    def flush(self) -> None:
        with self._lock:
            counts, self._counts = self._counts, {}
            acks, self._acks = self._acks, []
            if self._busy != self._busy_written:
                self._write_busy()
        if not counts and not acks:
            return
        m = self._metrics()
        for (counter, labels), amount in counts.items():
            getattr(m, counter).labels(*labels).inc(amount)
        for surface, seconds in acks:
            m.ack.labels(surface).observe(seconds)

    def forget(self) -> None:
        """In a forked child: the parent's unwritten counts are the parent's to write."""
        self._lock = threading.Lock()
        self._counts, self._acks, self._writer_pid = {}, [], 0
        self._busy = self._busy_written = 0

    def _write_busy(self) -> None:
        # Under the lock, so that two threads' writes land in the order of their counts.
        self._metrics().busy.set(self._busy)
        self._busy_written = self._busy

    def _keep_writing(self) -> None:
        if self._writer_pid == os.getpid():
            return
        with self._lock:
            if self._writer_pid == os.getpid():
                return
            self._writer_pid = os.getpid()
        threading.Thread(target=self._write_each_second, name="metrics-flush",
                         daemon=True).start()

    def _write_each_second(self) -> None:
        while True:
            time.sleep(FLUSH_SECONDS)
            self.flush()


_tally = Tally(_metrics)
atexit.register(_tally.flush)
os.register_at_fork(after_in_child=_tally.forget)


def count_request(surface: str, outcome: str, seconds: float | None = None) -> None:
    _tally.request(surface, outcome, seconds)


def count_slack_call(method: str, error: str | None) -> None:
    _tally.add("slack_calls", method, error or "ok")


def count_nudge(kind: str, outcome: DeliveryOutcome) -> None:
    _tally.add("nudges", kind, outcome.value)


def work_started() -> None:
    _tally.started()


def work_finished() -> None:
    _tally.finished()


def count_token_refresh(outcome: str) -> None:
    _tally.add("token_refreshes", outcome)


def count_email(outcome: DeliveryOutcome) -> None:
    _tally.add("emails", outcome.value)


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
    _tally.flush()
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

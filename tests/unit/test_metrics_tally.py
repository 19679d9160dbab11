"""The tally that stands between request threads and prometheus_client's shared files:
counts are summed here and written in one go, so a request never waits on that lock."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from bot.support.metrics import Tally


class Recorded:
    """A labelled prometheus metric's surface, recording what reached it."""

    def __init__(self) -> None:
        self.writes: list[tuple[tuple[str, ...], str, float]] = []
        self._labels: tuple[str, ...] = ()

    def labels(self, *labels: str) -> Recorded:
        child = Recorded()
        child.writes, child._labels = self.writes, labels
        return child

    def inc(self, amount: float = 1.0) -> None:
        self.writes.append((self._labels, "inc", amount))

    def observe(self, amount: float) -> None:
        self.writes.append((self._labels, "observe", amount))

    def set(self, value: float) -> None:
        self.writes.append((self._labels, "set", value))


def recorded() -> SimpleNamespace:
    return SimpleNamespace(requests=Recorded(), ack=Recorded(), nudges=Recorded(),
                           busy=Recorded())


def test_turning_busy_and_idle_is_written_at_once_and_the_count_between_at_a_flush():
    metrics = recorded()
    tally = Tally(lambda: metrics)
    tally.started()
    assert metrics.busy.writes == [((), "set", 1)]  # busy: at once
    tally.started()
    tally.started()
    tally.finished()
    assert metrics.busy.writes == [((), "set", 1)]  # still busy: nothing written yet
    tally.flush()
    assert metrics.busy.writes[-1] == ((), "set", 2)
    tally.finished()
    tally.finished()
    assert metrics.busy.writes[-1] == ((), "set", 0)  # idle: at once
    writes = len(metrics.busy.writes)
    tally.flush()
    assert len(metrics.busy.writes) == writes


def test_many_threads_starting_and_finishing_leave_the_process_idle():
    metrics = recorded()
    tally = Tally(lambda: metrics)

    def work() -> None:
        for _ in range(2000):
            tally.started()
            tally.finished()

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert metrics.busy.writes[-1] == ((), "set", 0)


def test_counts_are_summed_and_written_once_per_flush():
    metrics = recorded()
    tally = Tally(lambda: metrics)
    tally.request("slash command", "ok", 0.004)
    tally.request("slash command", "ok", 0.006)
    tally.request("slash command", "ok", None)  # not timed: counted only
    tally.add("requests", "block_actions", "refused")
    assert metrics.requests.writes == [] and metrics.ack.writes == []

    tally.flush()
    assert sorted(metrics.requests.writes) == [
        (("block_actions", "refused"), "inc", 1), (("slash command", "ok"), "inc", 3)]
    assert metrics.ack.writes == [(("slash command",), "observe", 0.004),
                                  (("slash command",), "observe", 0.006)]

    tally.flush()  # nothing new: nothing written twice
    assert len(metrics.requests.writes) == 2 and len(metrics.ack.writes) == 2


def test_counts_from_many_threads_are_all_written():
    metrics = recorded()
    tally = Tally(lambda: metrics)

    def count() -> None:
        for _ in range(2000):
            tally.add("nudges", "agenda_due", "sent")

    threads = [threading.Thread(target=count) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tally.flush()
    assert sum(amount for *_, amount in metrics.nudges.writes) == 16000


def test_a_forked_child_does_not_write_its_parents_counts():
    metrics = recorded()
    tally = Tally(lambda: metrics)
    tally.add("requests", "slash command", "ok")
    tally.forget()
    tally.flush()
    assert metrics.requests.writes == []


def test_a_process_writes_by_itself_without_a_scrape(monkeypatch):
    monkeypatch.setattr("bot.support.metrics.FLUSH_SECONDS", 0.01)
    metrics = recorded()
    tally = Tally(lambda: metrics)
    tally.add("requests", "slash command", "ok")
    for _ in range(500):
        if metrics.requests.writes:
            break
        threading.Event().wait(0.01)
    assert metrics.requests.writes == [(("slash command", "ok"), "inc", 1)]

"""What a listener process remembers of a Retry-After hold: read again when it has aged,
by one thread at a time, while the others use what was read a moment longer."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from bot.slack.paced_client import RateLimitBook

HELD = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


class SlowStore:
    """A unit of work whose read of the hold waits until released, counting reads."""

    def __init__(self) -> None:
        self.reads = 0
        self.release = threading.Event()
        self.release.set()

    def __call__(self):
        return self

    def __enter__(self):
        return SimpleNamespace(session=SimpleNamespace(get=self._get))

    def __exit__(self, *_):
        return False

    def _get(self, _model, _key):
        self.reads += 1
        self.release.wait(5)
        return SimpleNamespace(not_before=HELD)


def test_an_aged_hold_is_read_again_by_one_thread_while_the_others_wait_for_nothing():
    store = SlowStore()
    book = RateLimitBook(store, remember_for=timedelta(milliseconds=20))
    assert book.held_until("views.open") == HELD and store.reads == 1
    time.sleep(0.03)  # what was read has aged

    store.release.clear()
    answers: list[datetime | None] = []
    threads = [threading.Thread(target=lambda: answers.append(book.held_until("views.open")))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(0.2)
    # One reader is still in the database; seven answered from what was read before.
    assert len(answers) == 7 and store.reads == 2
    store.release.set()
    for thread in threads:
        thread.join()
    assert answers == [HELD] * 8 and store.reads == 2


def test_the_dispatcher_reads_every_time():
    store = SlowStore()
    book = RateLimitBook(store)
    for _ in range(3):
        assert book.held_until("chat.postMessage") == HELD
    assert store.reads == 3

"""`/mentor help` is answered in the request thread: no pool, no thread switch, nothing
left running after the answer. Every other subcommand still goes to the pool, and the
request thread waits for its ack on a bare lock."""

from __future__ import annotations

import threading
from concurrent.futures import Executor, Future
from urllib.parse import urlencode

from slack_bolt import App, BoltRequest
from slack_bolt.authorization import AuthorizeResult

from bot.messages.help import help_text
from handlers.commands import register
from handlers.guard import Answered, GuardedApp


class CountingPool(Executor):
    """Runs nothing: counts what was handed to it."""

    def __init__(self) -> None:
        self.handed: list[str] = []

    def submit(self, fn, /, *args, **kwargs) -> Future:
        self.handed.append(fn.__name__)
        done: Future = Future()
        done.set_result(None)
        return done


def slash(app: App, text: str):
    body = urlencode({"command": "/mentor", "text": text, "user_id": "U0MENTEE1",
                      "team_id": "T0MENTOR", "channel_id": "C0GENERAL",
                      "trigger_id": "1.2.3", "response_url": "https://hooks.invalid/1"})
    return app.dispatch(BoltRequest(body=body, headers={
        "content-type": ["application/x-www-form-urlencoded"]}))


def app_with(pool: CountingPool) -> App:
    # Authorized without a call to Slack: a unit test has no Slack to ask.
    app = App(signing_secret="unit", request_verification_enabled=False,
              process_before_response=True, authorize=lambda **_: AuthorizeResult(
                  enterprise_id=None, team_id="T0MENTOR", bot_token="xoxb-unit",
                  bot_user_id="U0BOT", bot_id="B0BOT"))
    register(GuardedApp(app, pool))
    return app


def test_help_is_answered_without_the_pool():
    pool = CountingPool()
    app = app_with(pool)
    for text in ("help", "", "  HELP  "):
        answer = slash(app, text)
        assert answer.status == 200 and help_text() in answer.body
    assert pool.handed == []


def test_other_subcommands_go_to_the_pool():
    pool = CountingPool()
    slash(app_with(pool), "status")  # unanswered here: this pool runs nothing
    assert pool.handed == ["run"]


def test_the_request_thread_wakes_at_the_first_answer_and_the_second_is_harmless():
    answered = Answered()
    assert not answered.wait(0.01)  # nothing said yet: the wait runs out
    waker = threading.Timer(0.05, answered.set)
    waker.start()
    assert answered.wait(5)  # woken by the ack, not by the timeout
    waker.join()
    answered.set()  # the listener's end, after its ack
    answered.set()


def test_an_answer_before_the_wait_is_not_lost():
    answered = Answered()
    answered.set()
    answered.set()
    assert answered.wait(0)

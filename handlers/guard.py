"""Every listener runs inside one guard, so no request ends in a 5xx, a traceback or a wait.

What a listener raises is answered here: a modal's inline errors, Slack's empty 200 for a
payload no Slack client sends, a log line for a Slack API refusal. The log names the
listener, the kind of failure and where it happened, never a message: exception messages
quote the values people typed. Bolt itself is never handed an exception from a listener,
because its thread runner forgets an ack() made before the failure and the request then
waits out the three seconds.
"""

from __future__ import annotations

import inspect
import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Executor
from contextlib import suppress
from pathlib import Path

from slack_bolt import App
from slack_bolt.kwargs_injection.args import Args
from slack_sdk.errors import SlackApiError

from bot.slack.shapes import Malformed
from bot.support import metrics
from handlers.events.once import first_delivery
from handlers.payload import FieldErrors

log = logging.getLogger(__name__)

# Slack drops an answer later than three seconds: past this, the listener's answer is late
# anyway, and the request thread stops waiting for it.
ACK_WITHIN_SECONDS = 2.9
SORRY = ("Something went wrong on mentorbot's side, and nothing was changed. "
         "Try again in a minute.")


def where(error: BaseException) -> str:
    """The innermost frame, as file:line in function: enough to find it, no values."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return "?"
    frame = frames[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"


def slack_refusal(error: SlackApiError) -> tuple[str, str]:
    """(method, Slack's error code) of a refused call."""
    response = error.response
    method = str(getattr(response, "api_url", "") or "").rsplit("/", 1)[-1] or "?"
    code = response.get("error", "unknown") if hasattr(response, "get") else "unknown"
    return method, str(code)


class Answered:
    """Held until the listener answers or ends, while the request thread waits on it. A
    bare lock: an Event is a Condition, a list and another lock for every request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lock.acquire()

    def wait(self, timeout: float) -> bool:
        return self._lock.acquire(timeout=timeout)

    def set(self, *_: object) -> None:
        # The ack and the listener's end both say so: the second finds it said.
        with suppress(RuntimeError):
            self._lock.release()


class SignallingAck:
    """The listener's `ack`: answers Slack as Bolt's does, and wakes the request thread,
    which then returns the answer while the listener goes on."""

    def __init__(self, ack, answered: Answered) -> None:
        self._ack, self._answered = ack, answered

    def __call__(self, *args, **kwargs):
        try:
            return self._ack(*args, **kwargs)
        finally:
            self._answered.set()

    @property
    def response(self):
        return self._ack.response


def guarded(listener: Callable[..., None], executor: Executor,
            in_place: Callable[[dict], bool] | None = None) -> Callable[[Args], None]:
    """The listener runs on the product's bounded pool; the request thread waits only
    until it acks (an event, not a poll) and returns Slack's answer at once. Bolt runs
    with process_before_response, so no ack waits on Bolt's own 10 ms poll.

    A request `in_place` accepts is one the listener only answers, from what the request
    holds (no database, no Slack call): it runs in the request thread, because a handoff
    to the pool would cost more than the answer, and nothing goes on after it."""
    name = listener.__name__
    handle = _handled(listener)
    body = _counted(handle)

    def run(args: Args) -> None:
        if in_place is not None and in_place(args.body):
            handle(args)
            return
        metrics.work_started()
        if args.body.get("type") == "event_callback":
            # Events are acknowledged by Bolt as soon as this returns: nothing to wait for.
            executor.submit(body, args)
            return
        answered = Answered()
        args.ack = SignallingAck(args.ack, answered)
        executor.submit(body, args).add_done_callback(answered.set)
        if not answered.wait(ACK_WITHIN_SECONDS):
            log.warning("%s: no answer within %ss", name, ACK_WITHIN_SECONDS)

    run.__name__ = run.__qualname__ = name
    return run


def _counted(handle: Callable[[Args], None]) -> Callable[[Args], None]:
    def run(args: Args) -> None:
        try:
            handle(args)
        finally:
            metrics.work_finished()

    return run


def _handled(listener: Callable[..., None]) -> Callable[[Args], None]:
    wanted = inspect.getfullargspec(listener).args
    name = listener.__name__

    def handle(args: Args) -> None:
        if args.body.get("type") == "event_callback" and not first_delivery(args):
            return
        try:
            listener(**{arg: getattr(args, arg) for arg in wanted})
        except FieldErrors as refused:
            _answer(args, response_action="errors", errors=refused.errors)
        except Malformed as malformed:
            log.warning("%s: ignored a malformed request (%s)", name, malformed.kind)
            _answer(args)
        except SlackApiError as error:
            method, code = slack_refusal(error)
            log.warning("%s: Slack refused %s (%s)", name, method, code)
            _answer(args, text=SORRY)
        except Exception as error:
            log.error("%s failed: %s at %s", name, type(error).__name__, where(error))
            _answer(args, text=SORRY)

    return handle


def _answer(args: Args, *, text: str | None = None, **answer: object) -> None:
    """Acknowledge, unless the listener did: an ack answers the request only once."""
    if args.ack.response is not None:
        return
    kind = (args.body or {}).get("type")
    if answer and kind == "view_submission":
        args.ack(**answer)
    elif text and args.command:
        args.ack(text=text)
    else:
        args.ack()


class GuardedApp:
    """The registration face of an App whose listeners all run inside `guarded`."""

    def __init__(self, app: App, executor: Executor) -> None:
        self._app, self._executor = app, executor

    def action(self, *args, **kwargs):
        return self._wrapping(self._app.action(*args, **kwargs))

    def view(self, *args, **kwargs):
        return self._wrapping(self._app.view(*args, **kwargs))

    def command(self, *args, in_place: Callable[[dict], bool] | None = None, **kwargs):
        """`in_place`: the requests this listener only answers (see `guarded`)."""
        return self._wrapping(self._app.command(*args, **kwargs), in_place)

    def event(self, *args, **kwargs):
        return self._wrapping(self._app.event(*args, **kwargs))

    def _wrapping(self, register: Callable,
                  in_place: Callable[[dict], bool] | None = None) -> Callable:
        return lambda listener: register(guarded(listener, self._executor, in_place))

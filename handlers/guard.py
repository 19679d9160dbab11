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
import traceback
from collections.abc import Callable
from pathlib import Path

from slack_bolt import App
from slack_bolt.kwargs_injection.args import Args
from slack_sdk.errors import SlackApiError

from bot.slack.shapes import Malformed
from handlers.payload import FieldErrors

log = logging.getLogger(__name__)

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


def guarded(listener: Callable[..., None]) -> Callable[[Args], None]:
    wanted = inspect.getfullargspec(listener).args
    name = listener.__name__

    def run(args: Args) -> None:
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

    run.__name__ = run.__qualname__ = name
    return run


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

    def __init__(self, app: App) -> None:
        self._app = app

    def action(self, *args, **kwargs):
        return self._wrapping(self._app.action(*args, **kwargs))

    def view(self, *args, **kwargs):
        return self._wrapping(self._app.view(*args, **kwargs))

    def command(self, *args, **kwargs):
        return self._wrapping(self._app.command(*args, **kwargs))

    def event(self, *args, **kwargs):
        return self._wrapping(self._app.event(*args, **kwargs))

    @staticmethod
    def _wrapping(register: Callable) -> Callable:
        return lambda listener: register(guarded(listener))

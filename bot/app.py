"""The Bolt App factory: one App per process, listeners registered in one call."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App, BoltContext
from slack_bolt.error import BoltError

from bot.container import Deps
from bot.settings import ConfigError
from handlers import register_listeners
from handlers.context import DEPS_KEY
from handlers.home import keep_homes_fresh
from handlers.replies import answer_home_clicks

log = logging.getLogger(__name__)


def create_app(deps: Deps, *, socket_mode: bool = False) -> App:
    """Socket Mode needs no signing secret: Slack's own connection is the proof."""
    if socket_mode:
        deps.settings.require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
    else:
        deps.settings.require("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
    secret = deps.settings.slack_signing_secret
    try:
        app = App(
            client=deps.client,
            signing_secret=secret.get_secret_value() if secret else "",
            # Listeners ack first and go on working; the pool bounds how many at once.
            listener_executor=ThreadPoolExecutor(
                max_workers=deps.settings.web_threads, thread_name_prefix="listener"
            ),
            # Checked on first use instead, so the app starts while Slack is unreachable.
            token_verification_enabled=False,
            ignoring_self_events_enabled=True,
        )
    except BoltError as error:  # pragma: no cover - Bolt rejects only malformed settings
        raise ConfigError(f"Slack app configuration is invalid: {error}") from None

    @app.middleware
    def provide_deps(context: BoltContext, next) -> None:
        context[DEPS_KEY] = deps
        next()

    @app.error
    def report(error: Exception, body: dict, logger: logging.Logger) -> None:
        # The type and the payload kind only: payloads carry people's words.
        logger.error("listener failed: %s on %s", type(error).__name__, body.get("type"),
                     exc_info=error)

    app.middleware(answer_home_clicks)
    register_listeners(app)
    keep_homes_fresh(deps)
    return app

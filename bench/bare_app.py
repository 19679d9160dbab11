"""The baseline: a Bolt app with one no-op command, on the same server set-up as mentorbot."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import Ack, App
from sqlalchemy import create_engine

from bot.slack.paced_client import make_client
from bot.support.settings import load_settings
from bot.wiring.server import GunicornServer, MentorbotWSGI, gunicorn_options

BARE_COMMAND = "/bare"


def load_wsgi():
    settings = load_settings()
    secret = settings.slack_signing_secret.get_secret_value()
    app = App(
        client=make_client(settings),
        signing_secret=secret,
        listener_executor=ThreadPoolExecutor(max_workers=settings.web_threads),
        token_verification_enabled=False,
    )

    @app.command(BARE_COMMAND)
    def nothing(ack: Ack) -> None:
        ack()

    return MentorbotWSGI(app, create_engine("sqlite://"), secret)


if __name__ == "__main__":
    settings = load_settings()
    GunicornServer(load_wsgi, gunicorn_options(int(os.environ.get("PORT", "3001")),
                                               settings.web_threads,
                                               settings.web_workers)).run()

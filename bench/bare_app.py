"""The baseline: a bare Bolt app on the same server set-up as mentorbot, with a command
for each thing measured: `/bare` acks with text (as `/mentor help` does); `/bare-modal`
acks and opens a one-line modal, and `/bare-composer` the very modal `/mentor invite`
opens (the same JSON, built by the same pure builder, with no database read), so that
what differs is the framework and the reads, not the size of the form."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

from slack_bolt import Ack, App
from sqlalchemy import create_engine

from bot.messages.composer import composer_defaults, composer_modal
from bot.slack.paced_client import make_client
from bot.support.settings import load_settings
from bot.wiring.server import GunicornServer, MentorbotWSGI, gunicorn_options

BARE_COMMAND = "/bare"
BARE_MODAL_COMMAND = "/bare-modal"
BARE_COMPOSER_COMMAND = "/bare-composer"


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
    def words(ack: Ack) -> None:
        ack("Help text: a few lines, as a command that only answers would send.")

    @app.command(BARE_MODAL_COMMAND)
    def modal(ack: Ack, body: dict, client) -> None:
        ack()
        client.views_open(trigger_id=body["trigger_id"], view={
            "type": "modal", "callback_id": "bare", "title": {"type": "plain_text",
                                                              "text": "Bare"},
            "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "A form."}}]})

    @app.command(BARE_COMPOSER_COMMAND)
    def composer(ack: Ack, body: dict, client) -> None:
        ack()
        reply_by = date.today() + timedelta(days=settings.invitation_reply_days)
        client.views_open(trigger_id=body["trigger_id"], view=composer_modal(
            composer_defaults("UMENTOR01", None, reply_by)))

    return MentorbotWSGI(app, create_engine("sqlite://"), secret)


if __name__ == "__main__":
    settings = load_settings()
    GunicornServer(load_wsgi, gunicorn_options(int(os.environ.get("PORT", "3001")),
                                               settings.web_threads,
                                               settings.web_workers)).run()

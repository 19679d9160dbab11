"""`mentorbot <command>`: the one entry point for operators, cron and the demo."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from datetime import datetime

from sqlalchemy.exc import OperationalError

from bot.slack.paced_client import quiet_sdk_loggers
from bot.support.logs import configure as configure_logging
from bot.support.settings import ConfigError, Settings, load_settings
from bot.wiring.startup import check_clock, migrate, slack_check

log = logging.getLogger("mentorbot")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mentorbot")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mentorbot", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="serve Slack over HTTP on $PORT (POST /slack/events, "
                                 "GET /healthz, /readyz, /metrics), with the scheduler "
                                 "unless SCHEDULER_ENABLED=false")
    sub.add_parser("socket", help="connect to Slack in Socket Mode (needs SLACK_APP_TOKEN)")
    sub.add_parser("migrate", help="bring the database to the newest schema")
    dispatch = sub.add_parser("dispatch", help="send the nudges as they come due, until "
                                               "stopped (for replicas whose `serve` has "
                                               "SCHEDULER_ENABLED=false)")
    dispatch.add_argument("--metrics-port", type=int, metavar="PORT",
                          help="serve GET /metrics on this port (on BIND_ADDRESS) for "
                               "Prometheus: what this dispatcher sent, and the outbox")
    due = sub.add_parser("run-due", help="dispatch whatever is due once, then exit")
    due.add_argument("--at", help="the instant to run at: ISO-8601 with a time and an "
                                  "explicit offset or Z, e.g. 2026-12-01T09:00:00Z (default: "
                                  "now, or the virtual clock's time)")
    due.add_argument("--through", help="run every nudge that falls due from now until this "
                                       "ISO-8601 instant, each at its own due time, in order "
                                       "(moving the virtual clock with it, when one is set)")
    sub.add_parser("token-key", help="print a new key for TOKEN_ENCRYPTION_KEY")
    purge = sub.add_parser("purge-workspace", help="delete everything kept for a workspace "
                                                   "now (after it removed the app)")
    purge.add_argument("team_id", help="the workspace's id, e.g. T012AB3C4")
    demo = sub.add_parser("demo", help="run a scripted mentee and mentor against a local "
                                       "Slack emulator and print the transcript")
    demo.add_argument("--keep", action="store_true", help="keep the demo database")
    return parser


def _instant(text: str) -> datetime:
    from bot.support.clock import parse_instant

    example = "use e.g. 2026-12-01T09:00:00+00:00 or 2026-12-01T09:00:00Z"
    try:
        instant = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ConfigError(f"--at {text!r} is not an ISO-8601 instant: {example}.") from None
    if instant.tzinfo is None or "T" not in text.strip().upper():
        # A bare date or a time without an offset could mean any of 24 hours.
        raise ConfigError(f"--at {text!r} needs a time and an offset: {example}.")
    return parse_instant(text)


def _metrics_across_workers() -> str | None:
    """gunicorn's workers each count; `/metrics` adds up what they wrote to one folder:
    the operator's (shared with dispatchers on the host, emptied when they all start), or
    one of our own for this run, returned to be removed after it."""
    import os
    import tempfile

    from bot.support.metrics import MULTIPROC_DIR

    if os.environ.get(MULTIPROC_DIR):
        os.makedirs(os.environ[MULTIPROC_DIR], exist_ok=True)
        return None
    os.environ[MULTIPROC_DIR] = tempfile.mkdtemp(prefix="mentorbot-metrics-")
    return os.environ[MULTIPROC_DIR]


def serve(settings: Settings) -> None:
    settings.require_a_token()
    settings.require("SLACK_SIGNING_SECRET")
    from bot.wiring.server import GunicornServer, gunicorn_options

    check_clock(settings)
    migrate(settings, on_start=True)
    own_metrics = _metrics_across_workers()

    internal = settings.metrics_listener

    def load_wsgi():
        from bot.wiring.app import create_app
        from bot.wiring.container import build_deps
        from bot.wiring.server import MentorbotWSGI
        from scheduler.runner import start_scheduler

        deps = build_deps(settings)
        app = create_app(deps)
        wsgi = MentorbotWSGI(app, deps.engine,
                             settings.slack_signing_secret.get_secret_value(),
                             slack_check=slack_check(settings, deps.client),
                             clock=deps.now,
                             oauth_flow=app.oauth_flow,
                             internal_port=internal[1] if internal else None)
        if settings.scheduler_enabled:
            start_scheduler(deps)
        # Everything built so far lives as long as the process: keep the collector off it.
        gc.freeze()
        return wsgi

    log.info("serving Slack on port %s", settings.port)
    try:
        GunicornServer(load_wsgi, gunicorn_options(
            settings.port, settings.web_threads, settings.web_workers,
            bind_address=settings.bind_address,
            metrics_listener=internal)).run()
    finally:
        if own_metrics:
            import shutil

            shutil.rmtree(own_metrics, ignore_errors=True)


def socket(settings: Settings) -> None:
    settings.require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.wiring.app import create_app
    from bot.wiring.container import build_deps
    from scheduler.runner import start_scheduler

    check_clock(settings)
    migrate(settings, on_start=True)
    deps = build_deps(settings)
    app = create_app(deps, socket_mode=True)
    if settings.scheduler_enabled:
        start_scheduler(deps)
    log.info("connecting to Slack in Socket Mode")
    SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()


def dispatch_forever(settings: Settings, metrics_port: int | None = None) -> None:
    """A dispatcher of its own: as many as wanted, alongside servers that do not send."""
    import signal
    import threading

    settings.require_a_token()
    from bot.flows.home import keep_homes_fresh
    from bot.wiring.container import build_deps
    from scheduler.runner import start_scheduler

    check_clock(settings)
    migrate(settings, on_start=True)
    deps = build_deps(settings)
    if metrics_port is not None:
        from bot.wiring.server import serve_metrics

        serve_metrics(settings.bind_address, metrics_port, deps.engine, deps.now)
    homes = keep_homes_fresh(deps)
    scheduler = start_scheduler(deps)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    log.info("dispatching every %s s until stopped", settings.scheduler_tick_seconds)
    stop.wait()
    scheduler.shutdown(wait=True)
    homes.close()


def purge_workspace(settings: Settings, team_id: str) -> None:
    """On demand, what the dispatcher does after UNINSTALL_RETENTION_DAYS."""
    import re

    if not re.fullmatch(r"[TE][A-Z0-9]{2,31}", team_id):
        raise ConfigError(f"{team_id[:40]!r} is not a workspace id: it looks like T012AB3C4.")
    from bot.services import workspaces
    from bot.wiring.container import build_deps

    migrate(settings, on_start=True)
    deps = build_deps(settings)
    with deps.uow() as uow:
        removed = sum(workspaces.purge(uow, member)
                      for member in workspaces.members(uow, team_id))
    print(f"workspace {team_id}: {removed} rows deleted")


def run_due_once(settings: Settings, at: str | None, through: str | None = None) -> None:
    instant = _instant(at) if at is not None else None
    until = _instant(through) if through is not None else None
    from bot.wiring.container import build_deps
    from scheduler.dispatcher import run_due, run_due_through

    check_clock(settings)
    migrate(settings, on_start=True)
    from bot.flows.home import keep_homes_fresh

    deps = build_deps(settings)
    homes = keep_homes_fresh(deps)
    done = run_due(deps, instant) if until is None else run_due_through(
        deps, until, settings.virtual_clock_file)
    homes.close()
    print(" ".join(f"{name}={count}" for name, count in sorted(done.items())) or "nothing due")
    if done.get("error"):
        raise SystemExit(1)


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    if args.command == "token-key":  # needs no settings: it is how one is made
        from bot.slack.token_cipher import new_key

        print(new_key())
        return
    try:
        settings = load_settings()
        configure_logging(settings.log_level, settings.log_format)
        quiet_sdk_loggers()
        if args.command == "demo":
            from bot.demo.run import run_demo

            run_demo(keep=args.keep)
            return
        match args.command:
            case "serve":
                serve(settings)
            case "socket":
                socket(settings)
            case "migrate":
                migrate(settings)
                print("database is at the newest schema")
            case "run-due":
                run_due_once(settings, args.at, args.through)
            case "dispatch":
                dispatch_forever(settings, args.metrics_port)
            case "purge-workspace":
                purge_workspace(settings, args.team_id)
    except ConfigError as error:
        print(f"mentorbot: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else "unreachable"
        print(f"mentorbot: DATABASE_URL cannot be used ({reason}): check the database is "
              "running and the URL is right.", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()

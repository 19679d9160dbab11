"""The HTTP face: Bolt's WSGI adapter at /slack/events and a health check, under gunicorn."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from datetime import datetime

from gunicorn import glogging
from gunicorn.app.base import BaseApplication
from slack_bolt import App, BoltRequest
from slack_bolt.oauth import OAuthFlow
from sqlalchemy import Engine

from bot.db.engine import database_reachable
from bot.slack.edge import Answer, SlackEndpoint, request_headers
from bot.slack.install_pages import INSTALL_PATH, REDIRECT_PATH, not_reached
from bot.slack.installations import installed_workspaces
from bot.support import metrics
from bot.support.clock import utc_now
from bot.support.logs import serving
from bot.wiring.probes import SlackCheck
from handlers.guard import where

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
METRICS_PATH = "/metrics"
# Served on the internal listener alone, when there is one.
INTERNAL_PATHS = (READY_PATH, METRICS_PATH)


_REASONS = {200: "OK", 302: "Found", 400: "Bad Request", 401: "Unauthorized",
            404: "Not Found", 405: "Method Not Allowed", 413: "Content Too Large",
            500: "Internal Server Error", 503: "Service Unavailable"}


class MentorbotWSGI:
    """`slack_check`: Slack's word on the token, or on the app's credentials with "Add to
    Slack", for `/readyz`."""

    def __init__(self, app: App, engine: Engine, signing_secret: str, *,
                 slack_check: SlackCheck | None = None,
                 clock: Callable[[], datetime] = utc_now,
                 oauth_flow: OAuthFlow | None = None,
                 internal_port: int | None = None) -> None:
        self._slack = SlackEndpoint(app, signing_secret)
        self._engine, self._slack_check, self._clock = engine, slack_check, clock
        self._oauth = oauth_flow
        self._internal_port = internal_port

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if path == HEALTH_PATH and method == "GET":
            return self._health(start_response)
        if self._internal_port is not None and (
                self._on_internal(environ) != (path in INTERNAL_PATHS)):
            # With an internal listener, each listener serves its own paths only.
            return _send(start_response, Answer(404, b"Not Found"))
        if path == READY_PATH and method == "GET":
            return self._ready(start_response)
        if self._oauth is not None and method == "GET" and path in (INSTALL_PATH,
                                                                      REDIRECT_PATH):
            return _send(start_response, self._install(path, environ))
        if path == METRICS_PATH and method == "GET":
            return _send(start_response, _metrics(self._engine, self._clock))
        if path != EVENTS_PATH:
            return _send(start_response, Answer(404, b"Not Found"))
        if method != "POST":
            return _send(start_response, Answer(405))
        return _send(start_response, self._slack.answer(environ))

    def _on_internal(self, environ: dict) -> bool:
        """Whether the request came in on the internal listener: by the socket it came in
        on, never a header."""
        try:
            return environ["gunicorn.socket"].getsockname()[1] == self._internal_port
        except (KeyError, AttributeError, OSError, IndexError):
            return False

    def _health(self, start_response: Callable) -> Iterable[bytes]:
        healthy = database_reachable(self._engine)
        body = json.dumps({"status": "ok" if healthy else "degraded",
                           "database": "reachable" if healthy else "unreachable"}).encode()
        status = "200 OK" if healthy else "503 Service Unavailable"
        start_response(status, [("Content-Type", "application/json"),
                                ("Content-Length", str(len(body)))])
        return [body]


    def _install(self, path: str, environ: dict) -> Answer:
        """"Add to Slack": a one-use state, Slack's consent screen, then the redirect, where
        Bolt's OAuth flow checks the state and stores the installation. Whatever fails
        on the way (Slack unreachable, the database down) still ends in a page."""
        request = BoltRequest(body="", query=environ.get("QUERY_STRING", ""),
                              headers=request_headers(environ))
        with serving(kind="oauth"):
            try:
                if path == INSTALL_PATH:
                    response = self._oauth.handle_installation(request)
                else:
                    response = self._oauth.handle_callback(request)
            except Exception as error:
                log.error("install failed: %s at %s", type(error).__name__, where(error))
                response = not_reached()
        metrics.count_request("oauth", "ok" if response.status < 400 else "refused")
        return Answer.of(response)

    def _ready(self, start_response: Callable) -> Iterable[bytes]:
        """Liveness says the process runs; readiness, that it can serve: the database
        answers (and, with "Add to Slack", so does the installation store), and Slack
        takes the token or the app's credentials."""
        found: dict[str, object] = {}
        database = database_reachable(self._engine)
        found["database"] = "reachable" if database else "unreachable"
        ready = database
        if self._oauth is not None:
            installed = installed_workspaces(self._engine) if database else None
            found["installations"] = "unreadable" if installed is None else installed
            ready = ready and installed is not None
        if self._slack_check is not None:
            verdict = self._slack_check.status()
            found[self._slack_check.name] = verdict
            ready = ready and verdict == "ok"
        else:
            found["slack_token"] = "not checked"
        body = json.dumps({"status": "ready" if ready else "not ready", **found}).encode()
        return _send(start_response, Answer(200 if ready else 503, body,
                                            [("Content-Type", "application/json")]))


def _metrics(engine: Engine, clock: Callable[[], datetime]) -> Answer:
    body, content_type = metrics.exposition(engine, clock)
    return Answer(200, body, [("Content-Type", content_type)])


def _send(start_response: Callable, answer: Answer) -> Iterable[bytes]:
    headers = [*answer.headers, ("Content-Length", str(len(answer.body)))]
    if not any(name.lower() == "content-type" for name, _ in headers):
        headers.append(("Content-Type", "text/plain;charset=utf-8"))
    start_response(f"{answer.status} {_REASONS.get(answer.status, '')}".strip(), headers)
    return [answer.body]


class GunicornServer(BaseApplication):
    """gunicorn driven from Python, so `mentorbot serve` is one process tree to run."""

    def __init__(self, load_wsgi: Callable[[], Callable], options: dict) -> None:
        self._load_wsgi = load_wsgi
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Callable:
        # Runs in the worker after fork: engines, threads and the scheduler belong there.
        return self._load_wsgi()


class RootLogger(glogging.Logger):
    """gunicorn's own lines go through mentorbot's root handler, so LOG_FORMAT=json makes
    every line of the stream JSON, gunicorn's included."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        for logger in (self.error_log, self.access_log):
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
            logger.propagate = True


def _address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def gunicorn_options(port: int, threads: int, workers: int = 1, *,
                     bind_address: str = "0.0.0.0",
                     metrics_listener: tuple[str, int] | None = None) -> dict:
    binds = [_address(bind_address, port)]
    if metrics_listener is not None:
        binds.append(_address(*metrics_listener))
    return {
        "bind": binds,
        "logger_class": RootLogger,
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 60,
        "graceful_timeout": 10,
        "keepalive": 5,
        # Access lines hold only method, path and status: no tokens, no text.
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
        # A writable home is not a given in containers; mentorbot needs no control socket.
        "control_socket_disable": True,
        "child_exit": lambda _server, worker: metrics.worker_exited(worker.pid),
    }


def serve_metrics(host: str, port: int, engine: Engine,
                  clock: Callable[[], datetime] = utc_now) -> None:
    """GET /metrics on a listener of its own, in a daemon thread: for a dispatcher, which
    serves no Slack requests."""
    from socketserver import ThreadingMixIn
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    class Quiet(WSGIRequestHandler):
        def log_message(self, *_args) -> None:  # scrapes every 15 s: no line each
            pass

    class Threading(ThreadingMixIn, WSGIServer):
        daemon_threads = True

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != METRICS_PATH:
            return _send(start_response, Answer(404, b"Not Found"))
        try:
            return _send(start_response, _metrics(engine, clock))
        except Exception as error:  # the database away, say: one line, not a traceback
            log.warning("metrics not served: %s at %s", type(error).__name__, where(error))
            return _send(start_response, Answer(503, b"metrics unavailable"))

    server = make_server(host, port, app, server_class=Threading, handler_class=Quiet)
    threading.Thread(target=server.serve_forever, name="metrics", daemon=True).start()
    log.info("metrics on %s", _address(host, port))

"""POST /slack/events: size, signature and shape are checked on the raw bytes, in that
order, before Bolt parses anything.

Bolt's own adapter decodes and parses a body before it checks the signature, so a forged
request could reach its parser; here nothing unsigned is even decoded. A signed request
that is not shaped like anything Slack sends gets Slack's empty 200 (there is no one to
tell), and the log names its kind, never its content.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from slack_bolt import App, BoltRequest, BoltResponse
from slack_sdk.signature import SignatureVerifier

from bot.slack.shapes import Malformed, kind_of
from bot.support import metrics
from bot.support.logs import serving

log = logging.getLogger(__name__)

# Slack's largest payloads (a view with 100 blocks and its state) stay well under this.
MAX_BODY_BYTES = 1 << 20
_TIMESTAMP = re.compile(r"^[0-9]{1,12}$")
_SIGNATURE = re.compile(r"^v0=[0-9a-f]{64}$")


@dataclass
class Answer:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def of(cls, response: BoltResponse) -> Answer:
        headers = [(name, value) for name, values in response.headers.items()
                   for value in values]
        return cls(response.status, response.body.encode(), headers)


EMPTY_OK = Answer(200)
UNKNOWN = "unknown"  # a request refused before its kind could be trusted


class SlackEndpoint:
    def __init__(self, app: App, signing_secret: str) -> None:
        self._app = app
        self._verifier = SignatureVerifier(signing_secret)

    def answer(self, environ: dict) -> Answer:
        started = time.monotonic()
        answer, surface, outcome = self._answer(environ)
        metrics.count_request(surface, outcome, time.monotonic() - started)
        return answer

    def _answer(self, environ: dict) -> tuple[Answer, str, str]:
        """The answer, the surface it came from and what became of it."""
        raw = _read_body(environ)
        if raw is None:
            log.info("refused a request: body missing or over %d bytes", MAX_BODY_BYTES)
            return Answer(413), UNKNOWN, "too_large"
        headers = request_headers(environ)
        if _is_ssl_check(raw):
            # Slack checks the certificate with an unsigned ping; answering needs no trust.
            return EMPTY_OK, "ssl_check", "ok"
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            # Slack sends UTF-8 only, and the signature is defined over that text.
            log.info("refused a request: body is not UTF-8 (%d bytes)", len(raw))
            return Answer(401), UNKNOWN, "bad_signature"
        if not self._signed(body, headers):
            log.info("Invalid request signature: refused (%d bytes)", len(raw))
            return Answer(401), UNKNOWN, "bad_signature"
        try:
            kind = kind_of(body, headers.get("content-type", ""))
        except Malformed as malformed:
            log.warning("ignored a signed request: %s", malformed.kind)
            return EMPTY_OK, UNKNOWN, "malformed"
        request = BoltRequest(body=body, query=environ.get("QUERY_STRING", ""),
                              headers=headers)
        with serving(kind=kind):
            response = self._app.dispatch(request)
        if response.status >= 500:
            # The listener guard and the error handler have logged why; Slack retrying
            # the same request would fail the same way.
            log.warning("a %s ended in %d; answered 200", kind, response.status)
            return EMPTY_OK, kind, "error"
        return Answer.of(response), kind, "ok"

    def _signed(self, body: str, headers: dict[str, str]) -> bool:
        timestamp = headers.get("x-slack-request-timestamp", "")
        signature = headers.get("x-slack-signature", "")
        if not _TIMESTAMP.match(timestamp) or not _SIGNATURE.match(signature):
            return False
        return self._verifier.is_valid(body, timestamp, signature)


def _read_body(environ: dict) -> bytes | None:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if length < 0 or length > MAX_BODY_BYTES or "wsgi.input" not in environ:
        return None
    return environ["wsgi.input"].read(length)


def request_headers(environ: dict) -> dict[str, str]:
    found = {}
    for key, value in environ.items():
        if key in ("CONTENT_LENGTH", "CONTENT_TYPE"):
            found[key.lower().replace("_", "-")] = value
        elif key.startswith("HTTP_"):
            found[key[5:].lower().replace("_", "-")] = value
    return found


def _is_ssl_check(raw: bytes) -> bool:
    if not raw.startswith(b"ssl_check=") and b"&ssl_check=" not in raw:
        return False
    try:
        fields = parse_qs(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return False
    return fields.get("ssl_check") == ["1"] and "payload" not in fields and \
        "command" not in fields

"""A Slack Web API emulator on loopback.

It answers the Web API methods mentorbot calls with Slack's response shapes, keeps the
messages and views it was given (so a test can read and click them), records every call,
checks Block Kit limits as Slack does, and can be told to misbehave: 429 with Retry-After,
500, or a slow answer.
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlparse

from slack_emulator.blockkit import message_problems, view_problems
from slack_emulator.rendering import render_for
from slack_emulator.socket_mode import SocketModeHub

TRIGGER_LIFETIME = 3.0  # seconds, as on Slack
JSON_FIELDS = ("blocks", "view", "attachments", "metadata")


@dataclass
class Call:
    method: str
    params: dict
    at: float
    error: str | None = None
    problems: list[str] = field(default_factory=list)
    user: str | None = None  # whose screen it shows on, where Slack would know
    response: dict | None = None
    team: str | None = None  # the workspace whose token made the call


@dataclass
class Fault:
    status: int = 200
    error: str | None = None
    retry_after: int | None = None
    delay: float = 0.0


@dataclass
class Message:
    channel: str
    ts: str
    text: str
    blocks: list
    user: str  # who it is addressed to: the DM's other member, or "" in a group DM
    history: list[dict] = field(default_factory=list)  # earlier versions, oldest first
    metadata: dict | None = None
    members: tuple[str, ...] = ()  # everyone who reads it (the DM's person, or the group)
    thread_ts: str | None = None  # a reply in this thread, not a new message

    def __post_init__(self) -> None:
        if not self.members:
            self.members = (self.user,)

    @property
    def all_text(self) -> str:
        """The text plus every text inside the blocks, for assertions."""
        return self.text + "\n" + "\n".join(_texts(self.blocks))


def _texts(node) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") in ("mrkdwn", "plain_text") and "text" in node:
            found.append(node["text"])
        for value in node.values():
            found += _texts(value)
    elif isinstance(node, list):
        for value in node:
            found += _texts(value)
    return found


class _Listener(ThreadingHTTPServer):
    # Python's default backlog of 5 resets connections under a benchmark's load, which
    # Slack's edge never does: the clients would be measured retrying, not working.
    request_queue_size = 512


class SlackEmulator:
    def __init__(self, token: str = "xoxb-emulator-token", team_id: str = "T0MENTOR", *,
                 light: bool = False) -> None:
        # light: for benchmarks, skip Block Kit checks and accept "bench.<user>.<n>" triggers,
        # so the emulator's own work does not crowd the app it measures. It also keeps no
        # payloads: a long run would hold every view it opened, and the collector's pauses
        # over that heap (seconds, late in a run) would be measured as the app's.
        self.light = light
        self.token = token
        self.team_id = team_id
        # Every bot token Slack would accept, and the workspace it belongs to: the first
        # workspace's, and those of apps installed through OAuth (`grant`, oauth.v2.access).
        self.tokens: dict[str, str] = {token: team_id}
        self.client_id, self.client_secret = "1111.2222", "emulator-client-secret"
        self._codes: dict[str, dict] = {}
        # Organisations that installed the app org-wide (Enterprise Grid).
        self.org_installs: set[str] = set()
        # Token rotation: each refresh token is good once; every refresh asked is kept.
        self.refresh_tokens: dict[str, str] = {}
        self.refreshes: list[str] = []
        self.users: dict[str, dict] = {}
        self.calls: list[Call] = []
        self.messages: dict[tuple[str, str], Message] = {}
        self.responses: list[dict] = []
        self.views: dict[str, dict] = {}
        self.stacks: dict[str, list[str]] = defaultdict(list)
        self.home: dict[str, dict] = {}
        # Uploaded files: id → {"filename", "content", "channel", "title"}
        self.files: dict[str, dict] = {}
        # Group DMs: channel → its members, in the order first opened.
        self.groups: dict[str, tuple[str, ...]] = {}
        self.started: Counter[str] = Counter()
        self._triggers: dict[str, tuple[str, float]] = {}
        self._faults: dict[str, deque[Fault]] = defaultdict(deque)
        # Per-method limits as Slack enforces them: method → (calls per window, window s).
        self._limits: dict[str, tuple[int, float]] = {}
        self._recent: dict[str, deque[float]] = defaultdict(deque)
        self._announced: dict[str, float] = {}  # method → end of the Retry-After given
        self.inside_retry_after: Counter[str] = Counter()
        self.call_counts: Counter[str] = Counter()
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._ts = itertools.count(1)
        self._ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self.app_token = "xapp-1-emulator-app-token"
        self.socket_mode = SocketModeHub(self._notify)
        self.add_user("UBOT", "mentorbot", is_bot=True)

    def _notify(self) -> None:
        with self._changed:
            self._changed.notify_all()

    # ---- lifecycle ---------------------------------------------------------------------------

    def start(self, port: int = 0) -> SlackEmulator:
        emulator = self

        class Handler(_Handler):
            pass

        Handler.emulator = emulator
        self._server = _Listener(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self.call_counts.clear()
            self.messages.clear()
            self.responses.clear()
            self.views.clear()
            self.stacks.clear()
            self.home.clear()
            self.files.clear()
            self.groups.clear()
            self.started.clear()
            self._faults.clear()
            self._limits.clear()
            self._recent.clear()
            self._announced.clear()
            self.inside_retry_after.clear()
            self.tokens = {self.token: self.team_id}
            self._codes.clear()
            self.org_installs.clear()
            self.refresh_tokens.clear()
            self.refreshes.clear()

    # ---- OAuth: what Slack's consent screen and oauth.v2.access do ---------------------------

    def grant(self, team_id: str, installer: str, *, enterprise_id: str | None = None,
              org_wide: bool = False) -> str:
        """Someone approved the app on Slack's consent screen: the code Slack puts in the
        redirect, good once."""
        code = f"code-{next(self._ids)}-{team_id}"
        with self._lock:
            self._codes[code] = {"team_id": team_id, "installer": installer,
                                 "enterprise_id": enterprise_id, "org_wide": org_wide}
        return code

    def revoke(self, team_id: str) -> None:
        """The workspace removed the app: its tokens stop working."""
        with self._lock:
            self.tokens = {t: team for t, team in self.tokens.items() if team != team_id}

    def rotating_token(self, team_id: str) -> tuple[str, str]:
        """A bot token that expires, and the refresh token that renews it (once)."""
        with self._lock:
            token, refresh = f"xoxe.xoxb-{team_id}-{next(self._ids)}", f"xoxe-1-{next(self._ids)}"
            self.tokens[token], self.refresh_tokens[refresh] = team_id, team_id
        return token, refresh

    def _refresh(self, params: dict) -> dict:
        refresh = params.get("refresh_token", "")
        self.refreshes.append(refresh)
        team_id = self.refresh_tokens.pop(refresh, None)
        if team_id is None:
            return {"ok": False, "error": "invalid_refresh_token"}
        token, renewed = f"xoxe.xoxb-{team_id}-{next(self._ids)}", f"xoxe-1-{next(self._ids)}"
        self.tokens[token], self.refresh_tokens[renewed] = team_id, team_id
        return {"ok": True, "app_id": "A0MENTORBOT", "access_token": token,
                "token_type": "bot", "refresh_token": renewed, "expires_in": 43200,
                "team": {"id": team_id}, "enterprise": None, "is_enterprise_install": False}

    def _oauth_v2_access(self, params: dict) -> dict:
        if (params.get("client_id"), params.get("client_secret")) != (self.client_id,
                                                                       self.client_secret):
            return {"ok": False, "error": "invalid_client_id"}
        if params.get("grant_type") == "refresh_token":
            return self._refresh(params)
        grant = self._codes.pop(params.get("code", ""), None)
        if grant is None:
            return {"ok": False, "error": "invalid_code"}
        team_id = grant["team_id"]
        token = f"xoxb-{team_id}-{next(self._ids)}"
        # An org-wide install's token serves every workspace of the organisation.
        self.tokens[token] = grant["enterprise_id"] if grant["org_wide"] else team_id
        if grant["org_wide"]:
            self.org_installs.add(grant["enterprise_id"])
        enterprise = ({"id": grant["enterprise_id"], "name": "Emulated Org"}
                      if grant["enterprise_id"] else None)
        return {"ok": True, "app_id": "A0MENTORBOT", "access_token": token,
                "token_type": "bot", "scope": "commands,chat:write,users:read",
                "bot_user_id": "UBOT", "authed_user": {"id": grant["installer"]},
                "team": None if grant["org_wide"] else {"id": team_id, "name": team_id},
                "enterprise": enterprise, "is_enterprise_install": grant["org_wide"]}

    # ---- the directory -----------------------------------------------------------------------

    def add_user(self, user_id: str, name: str, *, tz: str = "UTC", team_id: str | None = None,
                 is_bot: bool = False, deleted: bool = False, is_admin: bool = False,
                 enterprise_id: str | None = None) -> dict:
        from datetime import datetime
        from zoneinfo import ZoneInfo

        offset = datetime.now(ZoneInfo(tz)).utcoffset()
        user = {
            "id": user_id, "team_id": team_id or self.team_id, "name": name.lower(),
            "real_name": name, "deleted": deleted, "is_bot": is_bot, "is_admin": is_admin,
            "is_app_user": False, "tz": tz, "tz_label": tz,
            "tz_offset": int(offset.total_seconds()) if offset else 0,
            "profile": {"real_name": name, "display_name": name, "team": team_id or self.team_id,
                        "email": f"{name.lower().replace(' ', '.')}@example.com"},
        }
        if enterprise_id:
            # What users.info says of someone on Enterprise Grid.
            user["enterprise_user"] = {"id": user_id, "enterprise_id": enterprise_id,
                                       "enterprise_name": "Emulated Org",
                                       "teams": [team_id or self.team_id]}
            user["enterprise_id"] = enterprise_id
        with self._lock:
            self.users[user_id] = user
        return user

    # ---- misbehaviour ------------------------------------------------------------------------

    def fail(self, method: str, *, status: int = 500, error: str | None = None,
             retry_after: int | None = None, times: int = 1) -> None:
        with self._lock:
            for _ in range(times):
                self._faults[method].append(Fault(status, error, retry_after))

    def limit(self, method: str, calls: int, per_seconds: float = 1.0) -> None:
        """Answer 429 with Retry-After beyond `calls` per window, and count every call
        that arrives inside a Retry-After already announced (a client not honouring it)."""
        with self._lock:
            self._limits[method] = (calls, per_seconds)

    def _rate_limited(self, method: str) -> int | None:
        """Seconds to announce, when this call is over the method's limit."""
        if method not in self._limits:
            return None
        calls, window = self._limits[method]
        now = time.monotonic()
        if now < self._announced.get(method, 0.0):
            self.inside_retry_after[method] += 1
        recent = self._recent[method]
        while recent and recent[0] <= now - window:
            recent.popleft()
        if len(recent) < calls:
            recent.append(now)
            return None
        wait = max(1, int(recent[0] + window - now + 0.999))
        self._announced[method] = max(self._announced.get(method, 0.0), now + wait)
        return wait

    def slow(self, method: str, seconds: float, times: int = 1) -> None:
        with self._lock:
            for _ in range(times):
                self._faults[method].append(Fault(delay=seconds))

    # ---- what tests read ---------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def invalid_calls(self) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.problems]

    def dms(self, user_id: str) -> list[Message]:
        """Every message the person can read: their DM with the app, and group DMs."""
        with self._lock:
            return [m for m in self.messages.values() if user_id in m.members]

    def new_messages(self, user_id: str) -> list[Message | dict]:
        """What reached the person as something new, in order: messages and file shares
        at the top of a conversation. Updates in place and thread replies are not new."""
        with self._lock:
            posted = [m for m in self.messages.values()
                      if user_id in m.members and m.thread_ts is None]
            shared = [f for f in self.files.values() if f["channel"]
                      and user_id in self.members_of(f["channel"])
                      and f.get("thread_ts") is None]
        return sorted([*posted, *shared],
                      key=lambda x: x.ts if isinstance(x, Message) else x["ts"])

    def seen_by(self, message: Message, user_id: str) -> str:
        """The message's text and blocks as this person's client renders them."""
        return render_for(message.all_text, self.users[user_id]["tz"])

    def members_of(self, channel: str) -> tuple[str, ...]:
        if channel in self.groups:
            return self.groups[channel]
        user = self._dm_target(channel)
        return (user,) if user else ()

    def wait_for(self, predicate: Callable[[], object], timeout: float = 10.0,
                 what: str = "condition"):
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                result = predicate()
                if result:
                    return result
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"timed out waiting for {what}")
                # Poll too: some conditions (a log line, a row) change outside the emulator.
                self._changed.wait(min(remaining, 0.05))

    def wait_for_dm(self, user_id: str, containing: str, timeout: float = 10.0) -> Message:
        def found():
            return next((m for m in self.dms(user_id)
                         if containing in m.all_text or containing in self.seen_by(m, user_id)),
                        None)

        return self.wait_for(found, timeout, f"a DM to {user_id} containing {containing!r}")

    def wait_for_notice(self, user_id: str, containing: str, timeout: float = 10.0) -> dict:
        """A modal shown to the person (opened, pushed or updated) with these words: where
        the end of a flow is said instead of in a message of its own."""
        shown = {"views.open", "views.push", "views.update", "response_action.update",
                 "response_action.push"}

        def found():
            return next((c.params["view"] for c in reversed(self.calls)
                         if c.method in shown and c.user == user_id and not c.error
                         and containing in "\n".join(_texts(c.params.get("view", {})))),
                        None)

        return self.wait_for(found, timeout, f"a modal for {user_id} saying {containing!r}")

    def wait_for_response(self, user_id: str, containing: str, timeout: float = 10.0) -> dict:
        def found():
            return next((r for r in self.responses
                         if r["user"] == user_id and containing in "\n".join(_texts(r["body"]))
                         + r["body"].get("text", "")), None)

        return self.wait_for(found, timeout, f"a response to {user_id} containing {containing!r}")

    def top_view(self, user_id: str) -> dict | None:
        with self._lock:
            stack = self.stacks.get(user_id)
            return self.views[stack[-1]] if stack else None

    def wait_for_view(self, user_id: str, callback_id: str, timeout: float = 10.0) -> dict:
        def found():
            view = self.top_view(user_id)
            return view if view and view.get("callback_id") == callback_id else None

        return self.wait_for(found, timeout, f"modal {callback_id} for {user_id}")

    # ---- what the driver (playing Slack's client) uses ---------------------------------------

    def new_trigger(self, user_id: str) -> str:
        trigger = f"{next(self._ids)}.{int(time.time())}.{'a' * 8}"
        with self._lock:
            self._triggers[trigger] = (user_id, time.monotonic())
        return trigger

    def new_response_url(self, user_id: str, source: dict | None = None) -> str:
        return f"{self.base}/response/{user_id}/{next(self._ids)}"

    def note_pick(self, user_id: str, label: str, value: object) -> None:
        """A value picked in an open modal that tells the app (dispatch_action)."""
        with self._changed:
            self.calls.append(Call("view_pick", {"label": label, "value": value}, time.time(),
                                   user=user_id))

    def note_submission(self, user_id: str, view: dict) -> None:
        """What the person typed and chose, as the app receives it: for the transcript."""
        with self._changed:
            self.calls.append(Call("view_submission", {"view": view}, time.time(),
                                   user=user_id))

    def apply_response_action(self, user_id: str, body: dict | None) -> list[str]:
        """Do to the user's modal stack what Slack does with a view_submission answer."""
        action = (body or {}).get("response_action")
        with self._changed:
            stack = self.stacks[user_id]
            problems: list[str] = []
            if action in ("update", "push"):
                problems = [] if self.light else view_problems(body["view"])
                view = self._store_view(body["view"], user_id)
                if action == "update" and stack:
                    stack[-1] = view["id"]
                else:
                    stack.append(view["id"])
            elif action == "clear":
                stack.clear()
            elif action != "errors" and stack:
                stack.pop()
            self.calls.append(Call(f"response_action.{action or 'close'}", body or {},
                                   time.time(), problems=problems, user=user_id))
            self._changed.notify_all()
            return problems

    # ---- the Web API -------------------------------------------------------------------------

    def handle(self, method: str, params: dict, token: str | None) -> tuple[int, dict, dict]:
        with self._changed:
            self.started[method] += 1  # received, perhaps not yet answered (slow faults)
            fault = self._faults[method].popleft() if self._faults[method] else None
            wait = self._rate_limited(method)
            if wait is not None and fault is None:
                fault = Fault(429, retry_after=wait)
            self._changed.notify_all()
        if fault and fault.delay:
            time.sleep(fault.delay)
        if fault and fault.status != 200:
            headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after else {}
            body = {"ok": False, "error": fault.error or ("ratelimited" if fault.status == 429
                                                           else "internal_error")}
            self._record(method, params, body["error"])
            return fault.status, headers, body
        if fault and fault.error:
            self._record(method, params, fault.error)
            return 200, {}, {"ok": False, "error": fault.error}
        if method == "apps.connections.open":
            # The one method that takes the app-level token instead of the bot token.
            if token != self.app_token:
                self._record(method, params, "invalid_auth")
                return 200, {}, {"ok": False, "error": "invalid_auth"}
            self._record(method, params, None)
            return 200, {}, {"ok": True, "url": f"ws://127.0.0.1:{self._server.server_address[1]}"
                                                 f"/link/?ticket={next(self._ids)}"}
        if method == "oauth.v2.access":
            # Answered to the app's client id and secret, not to a token.
            with self._changed:
                body = self._oauth_v2_access(params)
                self._record(method, {"code": params.get("code")},
                             None if body["ok"] else body["error"])
                self._changed.notify_all()
            return 200, {}, body
        team = self.tokens.get(token or "")
        if team is None:
            self._record(method, params, "invalid_auth")
            return 200, {}, {"ok": False, "error": "invalid_auth" if token else "not_authed"}
        if method == "auth.test":
            self._record(method, params, None, team=team)
            return 200, {}, {"ok": True, "url": "https://emulated.slack.com/", "team": team,
                             "user": "mentorbot", "team_id": team, "user_id": "UBOT",
                             "bot_id": "BBOT", "is_enterprise_install": team.startswith("E")}
        handler = getattr(self, "_api_" + method.replace(".", "_"), None)
        if handler is None:
            self._record(method, params, "unknown_method")
            return 200, {}, {"ok": False, "error": "unknown_method"}
        with self._changed:
            body = handler(params)
            problems = body.pop("_problems", [])
            user = body.pop("_user", None)
            self._record(method, params, None if body.get("ok") else body.get("error"), problems,
                         user=user, response=body, team=team)
            self._changed.notify_all()
        return 200, {}, body

    def _record(self, method: str, params: dict, error: str | None,
                problems: list[str] | None = None, user: str | None = None,
                response: dict | None = None, team: str | None = None) -> None:
        with self._lock:
            self.call_counts[method] += 1
            if self.light:
                params, response = {}, None
            self.calls.append(Call(method, params, time.time(), error, problems or [], user,
                                   response, team))

    def _next_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ts):06d}"

    def _api_users_info(self, params: dict) -> dict:
        user = self.users.get(params.get("user", ""))
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": user}

    def _api_users_list(self, params: dict) -> dict:
        """Slack's cursor pagination: a page of members, and the cursor of the next one
        ("" after the last)."""
        limit = max(1, min(int(params.get("limit") or 200), 1000))
        start = int(params.get("cursor") or 0)
        members = list(self.users.values())[start:start + limit]
        following = start + limit if start + limit < len(self.users) else None
        return {"ok": True, "members": members,
                "response_metadata": {"next_cursor": str(following) if following else ""}}

    def _api_conversations_open(self, params: dict) -> dict:
        users = [u.strip() for u in str(params.get("users", "")).split(",") if u.strip()]
        if not users or any(u not in self.users for u in users):
            return {"ok": False, "error": "user_not_found"}
        if any(self.users[u]["deleted"] for u in users):
            return {"ok": False, "error": "user_disabled"}
        if len(users) == 1:
            return {"ok": True, "channel": {"id": "D" + users[0]}}
        # Slack keeps one group DM per set of people: opening it again returns the same.
        key = tuple(sorted(users))
        found = next((c for c, members in self.groups.items()
                      if tuple(sorted(members)) == key), None)
        already = found is not None
        if found is None:
            found = f"G{next(self._ids):08d}"
            self.groups[found] = tuple(users)
        return {"ok": True, "channel": {"id": found, "is_mpim": True}, "already_open": already}

    def _dm_target(self, channel: str) -> str | None:
        if channel.startswith(("U", "W")):
            return channel if channel in self.users else None
        if channel.startswith("D") and channel[1:] in self.users:
            return channel[1:]
        return None

    def _api_chat_postMessage(self, params: dict) -> dict:
        target = str(params.get("channel", ""))
        if target in self.groups:
            channel, user, members = target, "", self.groups[target]
        else:
            user = self._dm_target(target)
            if user is None:
                return {"ok": False, "error": "channel_not_found"}
            if self.users[user]["deleted"]:
                return {"ok": False, "error": "account_inactive"}
            channel, members = "D" + user, (user,)
        problems = [] if self.light else message_problems(params)
        if problems:
            return {"ok": False, "error": "invalid_blocks", "_problems": problems}
        ts = self._next_ts()
        message = Message(channel, ts, params.get("text") or "", params.get("blocks") or [], user,
                          metadata=params.get("metadata") or None, members=members,
                          thread_ts=params.get("thread_ts") or None)
        self.messages[(channel, ts)] = message
        return {"ok": True, "channel": channel, "ts": ts, "_user": user or channel,
                "message": {"type": "message", "user": "UBOT", "bot_id": "BBOT", "ts": ts,
                            "text": message.text, "blocks": message.blocks}}

    def _api_conversations_history(self, params: dict) -> dict:
        channel = str(params.get("channel", ""))
        if not self.members_of(channel):
            return {"ok": False, "error": "channel_not_found"}
        found = sorted((m for m in self.messages.values() if m.channel == channel),
                       key=lambda m: m.ts, reverse=True)[: int(params.get("limit") or 100)]
        with_metadata = str(params.get("include_all_metadata")).lower() in ("1", "true")
        messages = []
        for m in found:
            shown = {"type": "message", "user": "UBOT", "bot_id": "BBOT", "ts": m.ts,
                     "text": m.text, "blocks": m.blocks}
            if with_metadata and m.metadata:
                shown["metadata"] = m.metadata
            messages.append(shown)
        return {"ok": True, "messages": messages, "has_more": False}

    def _api_files_getUploadURLExternal(self, params: dict) -> dict:
        if not params.get("filename") or not str(params.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._ids):08d}"
        self.files[file_id] = {"filename": params["filename"], "length": int(params["length"]),
                               "content": None, "channel": None, "title": None}
        return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}

    def receive_upload(self, file_id: str, content: bytes) -> bool:
        with self._changed:
            entry = self.files.get(file_id)
            if entry is None:
                return False
            entry["content"] = content
            return True

    def _api_files_completeUploadExternal(self, params: dict) -> dict:
        files = params.get("files")
        files = json.loads(files) if isinstance(files, str) else files
        done = []
        for item in files or []:
            entry = self.files.get(item.get("id"))
            if entry is None or entry["content"] is None:
                return {"ok": False, "error": "file_not_found"}
            channel = params.get("channel_id")
            if channel and not self.members_of(channel):
                return {"ok": False, "error": "channel_not_found"}
            entry.update(channel=channel, title=item.get("title"),
                         thread_ts=params.get("thread_ts") or None, ts=self._next_ts(),
                         initial_comment=params.get("initial_comment"))
            done.append({"id": item["id"], "title": item.get("title"),
                         "name": entry["filename"]})
        channel = params.get("channel_id") or ""
        target = self._dm_target(channel) or (channel if channel in self.groups else None)
        return {"ok": True, "files": done, **({"_user": target} if target else {})}

    def files_to(self, user_id: str) -> list[dict]:
        with self._lock:
            return [f for f in self.files.values()
                    if f["channel"] and user_id in self.members_of(f["channel"])]

    def _api_chat_update(self, params: dict) -> dict:
        message = self.messages.get((params.get("channel"), params.get("ts")))
        if message is None:
            return {"ok": False, "error": "message_not_found"}
        problems = [] if self.light else message_problems(params)
        if problems:
            return {"ok": False, "error": "invalid_blocks", "_problems": problems}
        message.history.append({"text": message.text, "blocks": message.blocks})
        message.text = params.get("text") or message.text
        message.blocks = params.get("blocks") or []
        return {"ok": True, "channel": message.channel, "ts": message.ts, "text": message.text,
                "_user": message.user or message.channel,
                "message": {"text": message.text, "blocks": message.blocks}}

    def _api_chat_postEphemeral(self, params: dict) -> dict:
        problems = [] if self.light else message_problems(params)
        if problems:
            return {"ok": False, "error": "invalid_blocks", "_problems": problems}
        self.responses.append({"user": params.get("user"), "body": params})
        return {"ok": True, "message_ts": self._next_ts()}

    def _take_trigger(self, params: dict) -> tuple[str | None, str | None]:
        trigger = str(params.get("trigger_id"))
        if self.light and trigger.startswith("bench."):
            return trigger.split(".")[1], None
        entry = self._triggers.pop(trigger, None)
        if entry is None:
            return None, "invalid_trigger_id"
        user_id, issued = entry
        if time.monotonic() - issued > TRIGGER_LIFETIME:
            return None, "expired_trigger_id"
        return user_id, None

    def _store_view(self, view: dict, user_id: str, view_id: str | None = None) -> dict:
        stored = dict(view)
        stored.update(id=view_id or f"V{next(self._ids):08d}", team_id=self.team_id,
                      user_id=user_id, state={"values": {}}, hash=f"{time.time():.6f}.h",
                      app_id="A0MENTOR", bot_id="BBOT")
        stored.setdefault("private_metadata", "")
        self.views[stored["id"]] = stored
        return stored

    def _api_views_open(self, params: dict) -> dict:
        problems = [] if self.light else view_problems(params.get("view"))
        if problems:
            return {"ok": False, "error": "invalid_arguments", "_problems": problems}
        user_id, error = self._take_trigger(params)
        if error:
            return {"ok": False, "error": error}
        stored = self._store_view(params["view"], user_id)
        if self.light:  # the modals it replaces are closed: nothing will update them
            for closed in self.stacks.get(user_id, []):
                self.views.pop(closed, None)
        self.stacks[user_id] = [stored["id"]]
        return {"ok": True, "view": stored, "_user": user_id}

    def _api_views_push(self, params: dict) -> dict:
        problems = [] if self.light else view_problems(params.get("view"))
        if problems:
            return {"ok": False, "error": "invalid_arguments", "_problems": problems}
        user_id, error = self._take_trigger(params)
        if error:
            return {"ok": False, "error": error}
        stored = self._store_view(params["view"], user_id)
        self.stacks[user_id].append(stored["id"])
        return {"ok": True, "view": stored}

    def _api_views_update(self, params: dict) -> dict:
        old = self.views.get(str(params.get("view_id")))
        if old is None:
            return {"ok": False, "error": "not_found"}
        problems = [] if self.light else view_problems(params.get("view"))
        if problems:
            return {"ok": False, "error": "invalid_arguments", "_problems": problems}
        stored = self._store_view(params["view"], old["user_id"], view_id=old["id"])
        return {"ok": True, "view": stored, "_user": old["user_id"]}

    def _api_views_publish(self, params: dict) -> dict:
        user_id = str(params.get("user_id"))
        if user_id not in self.users:
            return {"ok": False, "error": "user_not_found"}
        problems = [] if self.light else view_problems(params.get("view"))
        if problems:
            return {"ok": False, "error": "invalid_arguments", "_problems": problems}
        stored = self._store_view(params["view"], user_id)
        self.home[user_id] = stored
        return {"ok": True, "view": stored, "_user": user_id}

    def record_response(self, user_id: str, body: dict) -> None:
        with self._changed:
            has_content = body.get("blocks") or body.get("text")
            problems = message_problems(body) if has_content and not self.light else []
            self.responses.append({"user": user_id, "body": body})
            self.calls.append(Call("response_url", body, time.time(), problems=problems,
                                   user=user_id))
            self._changed.notify_all()


class _Handler(BaseHTTPRequestHandler):
    emulator: SlackEmulator
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep test output readable
        return

    def _params(self) -> dict:
        url = urlparse(self.path)
        params: dict = dict(parse_qsl(url.query))
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        self._raw = raw
        if raw and not url.path.startswith("/upload/"):
            if "json" in (self.headers.get("Content-Type") or ""):
                params.update(json.loads(raw))
            else:
                params.update(parse_qsl(raw.decode()))
        for name in JSON_FIELDS:
            if isinstance(params.get(name), str):
                params[name] = json.loads(params[name])
        auth = self.headers.get("Authorization") or ""
        if not params.get("token"):
            params["token"] = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None
        if auth.startswith("Basic "):
            # oauth.v2.access: the app's client id and secret, as HTTP Basic credentials.
            pair = base64.b64decode(auth.removeprefix("Basic ")).decode()
            params["client_id"], _, params["client_secret"] = pair.partition(":")
        return params

    def _reply(self, status: int, headers: dict, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _route(self) -> None:
        path = urlparse(self.path).path
        if path.startswith("/link") and self.headers.get("Upgrade", "").lower() == "websocket":
            self.emulator.socket_mode.serve(self)
            return
        params = self._params()
        if path.startswith("/api/"):
            token = params.pop("token", None)
            status, headers, body = self.emulator.handle(path[len("/api/"):], params, token)
            self._reply(status, headers, body)
        elif path.startswith("/_control/"):
            # For a benchmark client in another process: triggers and call counts.
            kind, _, arg = path[len("/_control/"):].partition("/")
            if kind == "trigger":
                self._reply(200, {}, {"trigger_id": self.emulator.new_trigger(arg)})
            elif kind == "count":
                self._reply(200, {}, {"count": self.emulator.call_counts[arg]})
            elif kind == "install":
                # A bot token for workspace `arg`, as an install would give it.
                token = f"xoxb-{arg}-{next(self.emulator._ids)}"
                self.emulator.tokens[token] = arg
                self._reply(200, {}, {"token": token})
            else:
                self._reply(404, {}, {"ok": False, "error": "not_found"})
        elif path.startswith("/upload/"):
            length = int(self.headers.get("Content-Length") or 0)
            ok = self.emulator.receive_upload(path.split("/")[2], self._raw)
            self.send_response(200 if ok else 404)
            body = f"OK - {length}".encode()
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path.startswith("/response/"):
            user_id = path.split("/")[2]
            params.pop("token", None)
            self.emulator.record_response(user_id, params)
            self._reply(200, {}, {"ok": True})
        else:
            self._reply(404, {}, {"ok": False, "error": "not_found"})

    do_GET = _route
    do_POST = _route

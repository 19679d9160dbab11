"""Plays Slack's side of the conversation: signed slash commands, clicks and submissions.

Bodies, headers and signatures are built as Slack builds them, and sent over HTTP to the
real app. Modal answers (response_action) are applied to the emulator's view stack the way
Slack's client applies them.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import itertools
import json
import time
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode, urlparse

from slack_emulator.blockkit import errors_problems
from slack_emulator.server import Message, SlackEmulator

APP_ID = "A0MENTOR"
_EVENT_IDS = itertools.count(1)


@dataclass
class Reply:
    status: int
    body: str

    @property
    def json(self) -> dict:
        return json.loads(self.body) if self.body else {}

    @property
    def text(self) -> str:
        """What the person sees from an immediate answer (ephemeral text, or the raw body)."""
        if self.body.startswith("{"):
            return self.json.get("text", "")
        return self.body


def sign(secret: str, timestamp: str, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SlackDriver:
    def __init__(self, app_url: str, signing_secret: str, emulator: SlackEmulator) -> None:
        parsed = urlparse(app_url)
        self.host, self.port = parsed.hostname, parsed.port
        self.path = parsed.path or "/slack/events"
        self.secret = signing_secret
        self.emulator = emulator
        # What the person picked in an open modal so far, by view id and input: Slack keeps
        # it across views.update while the input keeps its block id, and sends it with
        # every later action and the submission.
        self._picked: dict[str, dict[tuple[str, str], object]] = {}

    # ---- transport ---------------------------------------------------------------------------

    def settle(self, timeout: float = 30) -> None:
        """Until the app has finished the work it accepted: it goes on after the ack, and a
        test must not look before it is done, nor clean the database under it."""
        deadline = time.monotonic() + timeout
        while self.work_in_progress() > 0:
            if time.monotonic() > deadline:
                raise AssertionError("the app is still busy")
            time.sleep(0.02)

    def work_in_progress(self) -> float:
        url = f"http://{self.host}:{self.port}/metrics"
        with urllib.request.urlopen(url, timeout=5) as response:
            for line in response.read().decode().splitlines():
                if line.startswith("mentorbot_work_in_progress "):
                    return float(line.split()[1])
        return 0.0

    def post(self, body: str, content_type: str, *, headers: dict | None = None,
             timestamp: str | None = None, signature: str | None = None) -> Reply:
        timestamp = timestamp or str(int(time.time()))
        all_headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": signature or sign(self.secret, timestamp, body),
            "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
            **(headers or {}),
        }
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request("POST", self.path, body=body.encode(), headers=all_headers)
            response = connection.getresponse()
            return Reply(response.status, response.read().decode())
        finally:
            connection.close()

    def _user(self, user_id: str) -> dict:
        user = self.emulator.users[user_id]
        return {"id": user_id, "username": user["name"], "name": user["name"],
                "team_id": user["team_id"]}

    def _enterprise(self, user_id: str) -> dict | None:
        enterprise_id = self.emulator.users[user_id].get("enterprise_id")
        return {"id": enterprise_id, "name": "Emulated Org"} if enterprise_id else None

    def _org_wide(self, user_id: str) -> bool:
        """Whether the app reached this person through an org-wide install."""
        return self.emulator.users[user_id].get("enterprise_id") in self.emulator.org_installs

    def _team(self, user_id: str | None = None) -> dict:
        """The workspace a payload comes from: the clicking person's."""
        team = self.emulator.users[user_id]["team_id"] if user_id else self.emulator.team_id
        return {"id": team, "domain": "emulated"}

    def send_interactive(self, payload: dict, headers: dict | None = None) -> Reply:
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded", headers=headers)

    # ---- what people do ----------------------------------------------------------------------

    def slash_body(self, user_id: str, text: str, command: str = "/mentor") -> str:
        user = self.emulator.users[user_id]
        return urlencode({
            "token": "legacy-verification-token",
            "team_id": user["team_id"],
            "team_domain": "emulated",
            "channel_id": "C0GENERAL",
            "channel_name": "general",
            "user_id": user_id,
            "user_name": user["name"],
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            **({"enterprise_id": user["enterprise_id"], "enterprise_name": "Emulated Org"}
               if user.get("enterprise_id") else {}),
            "is_enterprise_install": str(self._org_wide(user_id)).lower(),
            "response_url": self.emulator.new_response_url(user_id),
            "trigger_id": self.emulator.new_trigger(user_id),
        })

    def slash(self, user_id: str, text: str, command: str = "/mentor") -> Reply:
        return self.post(self.slash_body(user_id, text, command),
                         "application/x-www-form-urlencoded")

    def click_payload(self, user_id: str, message: Message, action_id: str,
                      value: str | None = None) -> dict:
        block, element = _find_button(message.blocks, action_id, value)
        return {
            "type": "block_actions",
            "user": self._user(user_id),
            "api_app_id": APP_ID,
            "token": "legacy-verification-token",
            "container": {"type": "message", "message_ts": message.ts,
                          "channel_id": message.channel, "is_ephemeral": False},
            "trigger_id": self.emulator.new_trigger(user_id),
            "team": self._team(user_id),
            "enterprise": self._enterprise(user_id),
            "is_enterprise_install": self._org_wide(user_id),
            "channel": {"id": message.channel, "name": "directmessage"},
            "message": {"type": "message", "user": "UBOT", "ts": message.ts,
                        "text": message.text, "blocks": message.blocks},
            "state": {"values": {}},
            "response_url": self.emulator.new_response_url(user_id),
            "actions": [{
                "action_id": action_id, "block_id": block.get("block_id", "b"),
                "text": element["text"], "value": element.get("value", ""),
                "type": "button", "action_ts": f"{time.time():.6f}",
            }],
        }

    def click(self, user_id: str, message: Message, action_id: str,
              headers: dict | None = None) -> Reply:
        return self.send_interactive(self.click_payload(user_id, message, action_id), headers)

    def click_ephemeral(self, user_id: str, response: dict, action_id: str,
                        value: str | None = None) -> Reply:
        """Click a button on an ephemeral message the app sent through a response_url."""
        message = Message("C0GENERAL", f"{time.time():.6f}", response["body"].get("text", ""),
                          response["body"].get("blocks") or [], user_id)
        payload = self.click_payload(user_id, message, action_id, value)
        payload["container"]["is_ephemeral"] = True
        return self.send_interactive(payload)

    def click_home(self, user_id: str, action_id: str) -> Reply:
        view = self.emulator.home[user_id]
        block, element = _find_button(view["blocks"], action_id)
        return self.send_interactive(self._in_view(user_id, view, {
            "action_id": action_id, "block_id": block.get("block_id", "b"),
            "text": element["text"], "value": element.get("value", ""), "type": "button"}))

    def click_in_modal(self, user_id: str, action_id: str,
                       typed: dict[str, object] | None = None) -> Reply:
        """A button inside the open modal; `typed`: what the person has typed so far,
        which Slack sends in the view's state."""
        view = self.emulator.top_view(user_id)
        assert view is not None, f"{user_id} has no modal open"
        block, element = _find_button(view["blocks"], action_id)
        state = _state(view, {**self._picks(view), **(typed or {})}, submitting=False)
        return self.send_interactive(self._in_view(user_id, dict(view, state={"values": state}), {
            "action_id": action_id, "block_id": block.get("block_id", "b"),
            "text": element["text"], "value": element.get("value", ""), "type": "button"}))

    def _in_view(self, user_id: str, view: dict, action: dict) -> dict:
        """A block_actions from inside a view (the Home, or a modal), as Slack sends it."""
        return {
            "type": "block_actions", "user": self._user(user_id), "api_app_id": APP_ID,
            "token": "legacy-verification-token",
            "container": {"type": "view", "view_id": view["id"]},
            "trigger_id": self.emulator.new_trigger(user_id), "team": self._team(user_id),
            "enterprise": self._enterprise(user_id),
            "is_enterprise_install": self._org_wide(user_id), "view": view,
            "actions": [{**action, "action_ts": f"{time.time():.6f}"}],
        }

    def pick(self, user_id: str, action_id: str, value: object) -> Reply:
        """Change one input of the open modal whose block has dispatch_action: Slack sends
        the app a block_actions with the view and its state as it now stands."""
        view = self.emulator.top_view(user_id)
        assert view is not None, f"{user_id} has no modal open"
        block = next((b for b in view["blocks"] if b.get("type") == "input"
                      and b["element"].get("action_id") == action_id), None)
        assert block is not None, f"the modal has no input {action_id!r}"
        assert block.get("dispatch_action"), "Slack tells the app only of dispatch_action inputs"
        self._picked.setdefault(view["id"], {})[(block["block_id"], action_id)] = value
        shown = next((o["text"]["text"] for o in block["element"].get("options", [])
                      if o["value"] == value), value)
        self.emulator.note_pick(user_id, block["label"]["text"], shown)
        state = _state(view, self._picks(view))
        now = dict(view, state={"values": state})
        return self.send_interactive(self._in_view(user_id, now, {
            "action_id": action_id, "block_id": block["block_id"],
            **state[block["block_id"]][action_id]}))

    def _picks(self, view: dict) -> dict[str, object]:
        """The picks Slack still holds for this view, by action id: an input given a new
        block id by an update shows the update's value instead."""
        inputs = {(b.get("block_id"), b["element"].get("action_id"))
                  for b in view.get("blocks", []) if b.get("type") == "input"}
        return {action_id: value for (block_id, action_id), value
                in self._picked.get(view["id"], {}).items() if (block_id, action_id) in inputs}

    def submit_payload(self, user_id: str, fill: dict[str, object] | None = None) -> dict:
        view = self.emulator.top_view(user_id)
        assert view is not None, f"{user_id} has no modal open"
        submitted = dict(view)
        typed = {**self._picks(view), **(fill or {})}
        submitted["state"] = {"values": _state(view, typed)}
        return {
            "type": "view_submission", "team": self._team(user_id), "user": self._user(user_id),
            "api_app_id": APP_ID, "token": "legacy-verification-token",
            "trigger_id": self.emulator.new_trigger(user_id), "view": submitted,
            "response_urls": [], "is_enterprise_install": self._org_wide(user_id),
            "enterprise": self._enterprise(user_id),
        }

    def submit(self, user_id: str, fill: dict[str, object] | None = None) -> Reply:
        view = self.emulator.top_view(user_id)
        payload = self.submit_payload(user_id, fill)
        self.emulator.note_submission(user_id, payload["view"])
        reply = self.send_interactive(payload)
        answer = reply.json if reply.status == 200 and reply.body.startswith("{") else {}
        problems = self.emulator.apply_response_action(user_id, answer)
        if answer.get("response_action") == "errors":
            problems += errors_problems(answer["errors"], view)
        assert not problems, f"Slack would reject this answer: {problems}"
        return reply

    def event(self, event: dict, *, headers: dict | None = None,
              event_id: str | None = None, team_id: str | None = None,
              enterprise_id: str | None = None) -> Reply:
        """An Events API delivery; the same `event_id` again is what Slack's retry sends."""
        team_id = team_id or self.emulator.team_id
        org_wide = enterprise_id in self.emulator.org_installs
        body = json.dumps({
            "token": "legacy-verification-token", "team_id": team_id,
            **({"enterprise_id": enterprise_id} if enterprise_id else {}),
            "api_app_id": APP_ID, "event": event, "type": "event_callback",
            "event_id": event_id or f"Ev{next(_EVENT_IDS)}{time.time_ns()}",
            "event_time": int(time.time()),
            "authorizations": [{"enterprise_id": enterprise_id,
                                "team_id": None if org_wide else team_id,
                                "user_id": "UBOT", "is_bot": True,
                                "is_enterprise_install": org_wide}],
            "is_ext_shared_channel": False,
        })
        return self.post(body, "application/json", headers=headers)

    def open_home(self, user_id: str) -> Reply:
        return self.event({"type": "app_home_opened", "user": user_id, "channel": "D" + user_id,
                           "tab": "home", "event_ts": f"{time.time():.6f}"})


def _find_button(blocks: list, action_id: str, value: str | None = None
                 ) -> tuple[dict, dict]:
    """The first button with this action id (and, given one, this value)."""
    for block in blocks:
        for element in [*block.get("elements", []), block.get("accessory") or {}]:
            if element.get("type") == "button" and element.get("action_id") == action_id \
                    and value in (None, element.get("value")):
                return block, element
    raise AssertionError(f"no button {action_id!r} in the message")


def _option(element: dict, value: object) -> dict:
    for candidate in element.get("options", []):
        if candidate["value"] == value:
            return candidate
    raise AssertionError(f"{element['action_id']} has no option {value!r}")


def _state(view: dict, fill: dict[str, object], *, submitting: bool = True) -> dict:
    """The state.values Slack would send: initial values, overridden by what was typed.
    Only a submission needs every required input filled."""
    values: dict[str, dict] = {}
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            continue
        element = block["element"]
        action_id, kind = element["action_id"], element["type"]
        typed = fill.get(action_id, ...)
        if kind == "plain_text_input":
            value = element.get("initial_value") if typed is ... else typed
            state = {"type": kind, "value": value or None}
            empty = not value
        elif kind in ("static_select", "radio_buttons"):
            option = element.get("initial_option") if typed is ... else _option(element, typed)
            state = {"type": kind, "selected_option": option}
            empty = option is None
        elif kind == "users_select":
            user = element.get("initial_user") if typed is ... else typed
            state = {"type": kind, "selected_user": user}
            empty = user is None
        elif kind == "datepicker":
            day = element.get("initial_date") if typed is ... else typed
            state = {"type": kind, "selected_date": day}
            empty = day is None
        elif kind == "timepicker":
            clock = element.get("initial_time") if typed is ... else typed
            state = {"type": kind, "selected_time": clock}
            empty = clock is None
        elif kind in ("checkboxes", "multi_static_select"):
            chosen = (element.get("initial_options") or [] if typed is ...
                      else [_option(element, v) for v in typed])
            state = {"type": kind, "selected_options": chosen}
            empty = not chosen
        else:
            raise AssertionError(f"the driver cannot fill a {kind}")
        if empty and submitting and not block.get("optional"):
            # Slack's client refuses to submit, so the app never sees this.
            raise AssertionError(f"{block['block_id']} is required and empty")
        if "max_length" in element and isinstance(state.get("value"), str):
            assert len(state["value"]) <= element["max_length"], "Slack enforces max_length"
        values[block["block_id"]] = {action_id: state}
    return values

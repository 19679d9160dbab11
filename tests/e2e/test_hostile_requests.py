"""A catalogue of requests Slack would never send, or an attacker could: each gets a clean
answer from the real server, fast, with nothing in the log and nothing changed.

Forged variants of every request kind, signed bodies that do not parse, payloads of the
wrong shape, missing and extra modal values, huge and odd text, unknown ids, another
team's ids, and a replayed event. What a person can fix comes back as an inline error.
"""

from __future__ import annotations

import hashlib
import json
import time
from urllib.parse import urlencode

import pytest
from sqlalchemy import Engine, text

from bot.db.models import Base
from bot.messages import ids
from slack_emulator.driver import APP_ID, SlackDriver, sign
from tests.conftest import MENTEE, MENTOR, OTHER
from tests.e2e.flows import make_active, relationships

MARKER = "ZQXJ-secret-words"
FORM = "application/x-www-form-urlencoded"
# Tables whose rows only a real change may touch; caches and the event log are left out.
CHANGEABLE = [t.name for t in Base.metadata.sorted_tables
              if t.name not in ("people", "slack_events")]

ACTION_IDS = [value for name, value in vars(ids).items()
              if name.isupper() and isinstance(value, str) and name.startswith((
                  "OPEN_", "INVITE_ACCEPT", "INVITE_SUGGEST", "INVITE_DECLINE", "COUNTER_ACCEPT",
                  "INVITE_WITHDRAW", "FOLLOW_UP", "AGREEMENT_CONFIRM", "AGREEMENT_EDIT",
                  "AGREEMENT_REMIND", "SEND_AGENDA", "LOGISTICS_CONFIRM", "MEETING_RESCHEDULE",
                  "MEETING_CANCEL", "MEETING_ASK_CHANGE", "CONTINUE_", "FORGET_CONFIRM",
                  "CHOOSE_", "OFFER_", "FIND_INVITE", "PROPOSE_RELATIONSHIP"))] + [
                      f"{ids.MEETING_MOVE_TO}1"]
VIEW_IDS = [value for name, value in vars(ids).items() if name.endswith("_VIEW")]
SUBCOMMANDS = ["help", "ready", "invite", "status", "agreement", "schedule", "export",
               "complete", "continue", "end", "report", "forget", "offer", "find",
               "bogus"]


@pytest.fixture
def pair(slack: SlackDriver, engine: Engine) -> int:
    make_active(slack, MENTEE, MENTOR)
    return relationships(engine)[0].id


def snapshot(engine: Engine) -> dict[str, str]:
    """Each table's rows, as a digest per table."""
    found = {}
    with engine.connect() as connection:
        for table in CHANGEABLE:
            rows = connection.execute(text(f"SELECT * FROM {table}")).all()
            found[table] = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
    return found


class Catalogue:
    """Builds the requests; each case is (name, body, content type, headers)."""

    def __init__(self, slack: SlackDriver, relationship_id: int) -> None:
        self.slack, self.rel = slack, relationship_id
        self.team = slack.emulator.team_id
        self.cases: list[tuple[str, str, str, dict]] = []

    def signed(self, name: str, body: str | bytes, content_type: str = FORM, **headers) -> None:
        self.cases.append((name, body, content_type, headers))

    def user(self, user_id: str = MENTEE) -> dict:
        return {"id": user_id, "username": "x", "name": "x", "team_id": self.team}

    def action(self, action_id: str, value: object, user: object = None, **extra) -> dict:
        return {"type": "block_actions", "user": user or self.user(), "api_app_id": APP_ID,
                "team": {"id": self.team, "domain": "e"}, "trigger_id": "1.2.bad",
                "response_url": self.slack.emulator.new_response_url(MENTEE),
                "container": {"type": "message", "message_ts": "1.1", "channel_id": "D1"},
                "actions": [{"action_id": action_id, "block_id": "b", "value": value,
                             "type": "button", "action_ts": "1.1"}], **extra}

    def submission(self, callback_id: str, values: dict, metadata: str = "",
                   blocks: list | None = None, user: object = None) -> dict:
        return {"type": "view_submission", "user": user or self.user(), "api_app_id": APP_ID,
                "team": {"id": self.team, "domain": "e"}, "trigger_id": "1.2.bad",
                "view": {"id": "VHOSTILE", "type": "modal", "callback_id": callback_id,
                         "private_metadata": metadata, "blocks": blocks or [],
                         "state": {"values": values}}}

    def event(self, event: dict, event_id: str | None = None) -> str:
        return json.dumps({"token": "t", "team_id": self.team, "api_app_id": APP_ID,
                           "type": "event_callback", "event": event,
                           "event_id": event_id or f"Ev{time.time_ns()}",
                           "event_time": int(time.time())})

    def interactive(self, payload: object) -> str:
        return urlencode({"payload": json.dumps(payload)})


def text_state(action_id: str, value: object) -> dict:
    return {action_id: {action_id: {"type": "plain_text_input", "value": value}}}


def select_state(action_id: str, value: object) -> dict:
    return {action_id: {action_id: {"type": "static_select",
                                    "selected_option": {"value": value}}}}


def one_of_each_kind(c: Catalogue) -> list[tuple[str, str, str]]:
    """A well-formed request of every kind mentorbot serves: the ones forgeries copy."""
    kinds = [(f"/mentor {sub}", c.slack.slash_body(MENTEE, f"{sub} {MARKER}"), FORM)
             for sub in SUBCOMMANDS]
    kinds += [(f"click {a}", c.interactive(c.action(a, str(c.rel))), FORM) for a in ACTION_IDS]
    kinds += [(f"submit {v}", c.interactive(c.submission(v, text_state("x", MARKER),
                                                         str(c.rel))), FORM)
              for v in VIEW_IDS]
    kinds += [
        ("event home", c.event({"type": "app_home_opened", "user": MENTEE, "tab": "home"}),
         "application/json"),
        ("event user_change", c.event({"type": "user_change",
                                       "user": {"id": MENTOR, "deleted": True}}),
         "application/json"),
        ("event tokens_revoked", c.event({"type": "tokens_revoked",
                                          "tokens": {"bot": ["UBOT"]}}), "application/json"),
        ("event app_uninstalled", c.event({"type": "app_uninstalled"}), "application/json"),
    ]
    return kinds


def forgeries(c: Catalogue) -> list[tuple[str, str | bytes, str, dict]]:
    """Every kind, unsigned, wrongly signed, stale, from the future, or with a broken stamp."""
    now = int(time.time())
    cases = []
    for name, body, content_type in one_of_each_kind(c):
        good = str(now)
        for variant, headers in {
            "unsigned": {"X-Slack-Signature": "", "X-Slack-Request-Timestamp": good},
            "wrong secret": {"X-Slack-Signature": sign("guessed", good, body),
                             "X-Slack-Request-Timestamp": good},
            "stale": {"X-Slack-Signature": sign(c.slack.secret, str(now - 400), body),
                      "X-Slack-Request-Timestamp": str(now - 400)},
            "future": {"X-Slack-Signature": sign(c.slack.secret, str(now + 400), body),
                       "X-Slack-Request-Timestamp": str(now + 400)},
            "stamp not a number": {"X-Slack-Signature": sign(c.slack.secret, "abc", body),
                                   "X-Slack-Request-Timestamp": "abc"},
            "fractional stamp": {"X-Slack-Signature": sign(c.slack.secret, f"{good}.5", body),
                                 "X-Slack-Request-Timestamp": f"{good}.5"},
            "v1 scheme": {"X-Slack-Signature": "v1=" + sign(c.slack.secret, good, body)[3:],
                          "X-Slack-Request-Timestamp": good},
            "tampered": {"X-Slack-Signature": sign(c.slack.secret, good, body + "&x=1"),
                         "X-Slack-Request-Timestamp": good},
        }.items():
            cases.append((f"{variant}: {name}", body, content_type, headers))
    for name, body in {"payload not json": "payload={not-json", "payload null": "payload=null",
                       "not utf-8": b"payload=\xff\xfe" + MARKER.encode()}.items():
        cases.append((f"unsigned: {name}", body, FORM, {"X-Slack-Signature": "v0=00"}))
    return cases


def malformed(c: Catalogue) -> None:
    deep = "[" * 5000 + "]" * 5000
    for name, body in {
        "payload not json": f"payload={{not-json {MARKER}",
        "payload null": "payload=null",
        "payload a list": "payload=[]",
        "payload a string": f'payload="{MARKER}"',
        "payload 5000 deep": "payload=" + deep,
        "payload unknown type": c.interactive({"type": "dialog_submission",
                                               "submission": {"x": MARKER}}),
        "legacy message action": c.interactive({"type": "interactive_message",
                                                "actions": [{"value": MARKER}]}),
        "empty body": "",
        "form of nothing known": f"hello={MARKER}",
        "repeated payload": "payload=1&payload=2",
        "a command without a user": urlencode({"command": "/mentor", "text": MARKER}),
        "a command from a user object": urlencode({
            "command": "/mentor", "text": "help", "user_id": '{"id": "U1"}',
            "team_id": c.team, "trigger_id": "t", "response_url": "https://x"}),
    }.items():
        c.signed(f"signed: {name}", body)
    c.signed("signed: not utf-8", b"payload=" + MARKER.encode() + b"\xff")
    for name, body in {"json null": "null", "json list": "[]", "json deep": deep,
                       "json not json": "{" + MARKER, "json unknown type": '{"type": "x"}',
                       "event without id": json.dumps({"type": "event_callback",
                                                       "team_id": c.team, "event": {}}),
                       "lone surrogate": c.event({"type": "app_home_opened",
                                                  "user": MENTEE, "tab": "\\ud800"})}.items():
        c.signed(f"signed: {name}", body, "application/json")


def wrong_shapes(c: Catalogue) -> None:
    # "Forget me" carries no id: whatever its value, it rightly forgets the clicker.
    for action_id in (a for a in ACTION_IDS if a != ids.FORGET_CONFIRM):
        for name, value in {"value a number": 5, "value an object": {"x": MARKER},
                            "value words": MARKER, "value unknown id": "999999",
                            "value negative": "-1", "value huge": "9" * 40,
                            "value with colons": "1:2:3:" + MARKER}.items():
            c.signed(f"click {action_id}, {name}", c.interactive(c.action(action_id, value)))
        c.signed(f"click {action_id}, user a string",
                 c.interactive(c.action(action_id, str(c.rel), user=MENTEE)))
        c.signed(f"click {action_id}, no actions", c.interactive(
            {**c.action(action_id, "1"), "actions": []}))
        c.signed(f"click {action_id}, by a stranger", c.interactive(
            c.action(action_id, str(c.rel), user=c.user(OTHER))))
        c.signed(f"click {action_id}, other team", c.interactive(
            c.action(action_id, str(c.rel), user={"id": "UFOREIGN1", "team_id": "T0OTHER"},
                     team={"id": "T0OTHER"})))
    for view_id in VIEW_IDS:
        for name, metadata in {"no metadata": "", "metadata words": MARKER,
                               "metadata unknown id": "999999",
                               "metadata of another shape": f"1|C1|{MARKER}|x"}.items():
            c.signed(f"submit {view_id}, {name}", c.interactive(
                c.submission(view_id, {}, metadata)))
        c.signed(f"submit {view_id}, state values a list", c.interactive(
            {**c.submission(view_id, {}, str(c.rel)),
             "view": {"type": "modal", "callback_id": view_id, "state": {"values": []}}}))
        c.signed(f"submit {view_id}, no view", c.interactive(
            {k: v for k, v in c.submission(view_id, {}).items() if k != "view"}))
        c.signed(f"submit {view_id}, user an object without id", c.interactive(
            c.submission(view_id, {}, str(c.rel), user={"name": MARKER})))
    event_shapes = {
        "home for a user object": {"type": "app_home_opened", "user": {"id": MENTEE}},
        "home for nobody": {"type": "app_home_opened", "user": "UNOBODY00", "tab": "home"},
        "home for another team's user": {"type": "app_home_opened", "user": "UFOREIGN1",
                                         "tab": "home"},
        "user_change a string": {"type": "user_change", "user": MARKER},
        "user_change no id": {"type": "user_change", "user": {"name": MARKER}},
        "tokens_revoked null": {"type": "tokens_revoked", "tokens": None},
        "tokens_revoked oauth only": {"type": "tokens_revoked", "tokens": {"oauth": ["U1"]}},
        "unknown event": {"type": "reaction_added", "text": MARKER},
        "message event": {"type": "message", "text": MARKER, "user": MENTEE},
    }
    for name, event in event_shapes.items():
        c.signed(f"event: {name}", c.event(event), "application/json")
    home = {"type": "app_home_opened", "user": MENTEE, "tab": "home"}
    envelopes = {"authorizations an object": {"team_id": c.team, "user_id": "UBOT"},
                 "authorizations a list of words": [MARKER],
                 "authorizations a list of lists": [[c.team]],
                 "authorizations with a bad team": [{"team_id": MARKER}],
                 "authorizations a string": MARKER}
    for name, authorizations in envelopes.items():
        body = {**json.loads(c.event(home)), "authorizations": authorizations}
        c.signed(f"event envelope: {name}", json.dumps(body), "application/json")


def modal_values(c: Catalogue) -> None:
    """Wrong, missing and extra values in the modals that carry a relationship id."""
    rel = str(c.rel)
    odd = {"unknown cadence": select_state(ids.INVITE_CADENCE, "hourly"),
           "minutes in words": select_state(ids.INVITE_MINUTES, MARKER),
           "impossible date": {ids.MEETING_DATE: {ids.MEETING_DATE: {
               "type": "datepicker", "selected_date": "2027-02-30"}}},
           "impossible time": {ids.MEETING_TIME: {ids.MEETING_TIME: {
               "type": "timepicker", "selected_time": "25:99"}}},
           "text as a number": {ids.AGENDA_TOPICS: {ids.AGENDA_TOPICS: {
               "type": "plain_text_input", "value": 12}}},
           "extra unknown field": text_state("not_a_field", MARKER)}
    # Completing or ending needs no answer at all: any values there rightly complete or end.
    for view_id in set(VIEW_IDS) - {ids.COMPLETE_VIEW, ids.END_VIEW}:
        for name, values in odd.items():
            c.signed(f"submit {view_id}, {name}", c.interactive(
                c.submission(view_id, values, rel)))


def huge_and_odd_text(c: Catalogue) -> None:
    """Over a field's limit answers inline; far over anything Slack's client sends (100 KB)
    is not Slack's, and gets the empty 200. Odd unicode is just text."""
    for action_id in (ids.READY_NEXT_GOAL, ids.INVITE_INTRO, ids.COUNTER_NOTE,
                      ids.DECLINE_REASON, ids.AGREEMENT_NOTE, ids.AGENDA_TOPICS,
                      ids.AFTER_THANKS, ids.CONTINUE_NOTE, ids.END_REASON, ids.COMPLETE_THANKS,
                      ids.MEETING_LINK):
        block = {"type": "input", "block_id": action_id,
                 "element": {"type": "plain_text_input", "action_id": action_id}}
        # The preview has no inputs, and reads none.
        for view_id in set(VIEW_IDS) - {ids.INVITE_PREVIEW_VIEW}:
            c.signed(f"submit {view_id}, 5 KB {action_id}", c.interactive(c.submission(
                view_id, text_state(action_id, MARKER * 300), str(c.rel), [block])))
            c.signed(f"submit {view_id}, 100 KB {action_id}", c.interactive(c.submission(
                view_id, text_state(action_id, MARKER * 6000), str(c.rel), [block])))
    odd = {"right-to-left override": f"\u202e{MARKER}", "zero width": f"\u200b{MARKER}\u200d",
           "nul": f"{MARKER}\u0000", "emoji": f"\U0001f680 {MARKER}",
           "combining": "e\u0301" * 50 + MARKER}
    for view_id in VIEW_IDS:
        if view_id == ids.READINESS_VIEW:
            continue  # it has no relationship to be unknown: odd text would be saved
        for name, value in odd.items():
            c.signed(f"submit {view_id}, {name} for an unknown id", c.interactive(c.submission(
                view_id, text_state(ids.AGENDA_TOPICS, value), "999999")))


def replays(c: Catalogue) -> None:
    """The same event again, as Slack retries it."""
    body = c.event({"type": "app_home_opened", "user": MENTEE, "tab": "home"}, "EvREPLAYED1")
    for attempt in range(1, 4):
        c.signed(f"event retry {attempt}", body, "application/json",
                 **{"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_timeout"})


def send(slack: SlackDriver, body: str | bytes, content_type: str,
         headers: dict) -> tuple[int, float, str]:
    import http.client

    raw = body if isinstance(body, bytes) else body.encode()
    stamp = str(int(time.time()))
    all_headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp}
    if "X-Slack-Signature" not in headers:
        signed_text = raw.decode("utf-8", errors="surrogateescape")
        all_headers["X-Slack-Signature"] = sign(slack.secret, stamp, signed_text) \
            if isinstance(body, str) else "v0=" + "0" * 64
    all_headers.update(headers)
    connection = http.client.HTTPConnection(slack.host, slack.port, timeout=10)
    started = time.monotonic()
    try:
        connection.request("POST", slack.path, body=raw, headers=all_headers)
        response = connection.getresponse()
        answer = response.read().decode(errors="replace")
        return response.status, time.monotonic() - started, answer
    finally:
        connection.close()


def test_a_catalogue_of_hostile_requests_gets_clean_answers(slack, pair, server, engine):
    c = Catalogue(slack, pair)
    forged = forgeries(c)
    malformed(c)
    wrong_shapes(c)
    modal_values(c)
    huge_and_odd_text(c)
    replays(c)
    assert len(forged) + len(c.cases) >= 300
    slack.emulator.reset()
    before, log_start = snapshot(engine), len(server.log())

    results = {}
    for name, body, content_type, headers in forged:
        results[name] = send(slack, body, content_type, headers)
    forged_calls = len(slack.emulator.calls)
    for name, body, content_type, headers in c.cases:
        results[name] = send(slack, body, content_type, headers)
    slack.settle()  # the work after the ack finishes before the log is read

    errors = {name: status for name, (status, _, _) in results.items() if status >= 500}
    slow = {name: round(took, 2) for name, (_, took, _) in results.items() if took >= 3.0}
    assert errors == {} and slow == {}
    assert {name: status for name, (status, _, _) in results.items()
            if name.split(":")[0] in ("unsigned", "wrong secret", "stale", "future",
                                      "stamp not a number", "fractional stamp", "v1 scheme",
                                      "tampered") and status != 401} == {}
    assert forged_calls == 0, "a forged request reached Slack"
    log = server.log()[log_start:]
    assert "Traceback" not in log
    assert MARKER not in log and MARKER[:8] not in log
    after = snapshot(engine)
    assert {table for table in before if before[table] != after[table]} == set()
    too_long = {name: json.loads(answer or "{}").get("errors", answer)
                for name, (_, _, answer) in results.items() if "5 KB" in name}
    assert all(len(errors) == 1 and "Keep it under" in next(iter(errors.values()))
               for errors in too_long.values())
    assert {name: answer for name, (_, _, answer) in results.items()
            if "100 KB" in name and answer} == {}


def test_an_event_whose_authorizations_is_an_object_is_answered_and_logged_once(
        slack, server):
    start = len(server.log())
    body = json.dumps({"token": "t", "team_id": slack.emulator.team_id, "api_app_id": APP_ID,
                       "type": "event_callback", "event_id": f"Ev{time.time_ns()}",
                       "event_time": int(time.time()),
                       "event": {"type": "app_home_opened", "user": MENTEE, "tab": "home"},
                       "authorizations": {"team_id": slack.emulator.team_id}})
    status, _, _ = send(slack, body, "application/json", {})
    assert status == 200
    log = server.log()[start:]
    assert "Traceback" not in log
    assert log.count("ignored a signed request") == 1

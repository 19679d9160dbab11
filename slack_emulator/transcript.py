"""Render what the emulator saw as a readable transcript: who saw what, in order."""

from __future__ import annotations

import re
import textwrap

from slack_emulator.server import Call, SlackEmulator

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
SHOWN = {"chat.postMessage", "chat.update", "views.open", "views.push", "views.update",
         "views.publish", "response_url", "response_action.push", "response_action.update",
         "response_action.errors", "response_action.clear", "files.completeUploadExternal",
         "view_submission", "view_pick"}


class Transcript:
    def __init__(self, emulator: SlackEmulator, shown: frozenset[str] | set[str] = SHOWN
                 ) -> None:
        self.emulator, self.shown = emulator, shown
        self._seen = 0

    def name(self, user_id: str | None) -> str:
        if user_id in self.emulator.groups:
            return " & ".join(self.name(u) for u in self.emulator.groups[user_id])
        user = self.emulator.users.get(user_id or "")
        return user["real_name"] if user else (user_id or "someone")

    def _people(self, text: str) -> str:
        text = _MENTION.sub(lambda m: "@" + self.name(m.group(1)), text)
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")

    def flush(self) -> str:
        """Everything that happened since the last flush."""
        with self.emulator._lock:
            calls = self.emulator.calls[self._seen:]
            self._seen = len(self.emulator.calls)
        return "\n".join(self._render(call) for call in calls if call.method in self.shown
                         and not call.error)

    def _render(self, call: Call) -> str:
        who = self.name(call.user)
        match call.method:
            case "chat.postMessage" if call.user in self.emulator.groups:
                head = f"👥 To {who}, in their conversation"
                if call.params.get("thread_ts"):
                    head += ", in a thread"
                body = self._blocks(call.params.get("blocks")) or call.params.get("text", "")
            case "chat.postMessage":
                head = f"💬 DM to {who}"
                body = self._blocks(call.params.get("blocks")) or call.params.get("text", "")
            case "chat.update" if call.user in self.emulator.groups:
                head = f"✏️  {who}'s conversation, a message updated in place"
                body = self._blocks(call.params.get("blocks")) or call.params.get("text", "")
            case "chat.update":
                head = f"✏️  {who}'s DM, updated in place"
                body = self._blocks(call.params.get("blocks")) or call.params.get("text", "")
            case "views.update":
                # Updated in place while she fills it in: what it now tells her, and the
                # inputs it sets anew (Slack shows an update's value only under a new
                # block id; mentorbot's inputs otherwise share their element's id).
                view = call.params.get("view", {})
                head = f"✏️  {who}'s form “{view.get('title', {}).get('text', '')}”, updated"
                body = self._blocks([b for b in view.get("blocks", [])
                                     if b.get("type") != "input"
                                     or b.get("block_id") != b["element"].get("action_id")])
            case "view_pick":
                head = f"✍️  {who} picks {call.params['label']}: {call.params['value']}"
                body = ""
            case "views.open" | "views.push" | "response_action.push" | \
                    "response_action.update":
                view = call.params.get("view", {})
                head = f"🪟 {who} sees the modal “{view.get('title', {}).get('text', '')}”"
                body = self._blocks(view.get("blocks"))
                if view.get("submit"):
                    body += f"\n[ {view['submit']['text']} ]"
            case "view_submission":
                view = call.params["view"]
                head = f"✍️  {who} submits “{view.get('title', {}).get('text', '')}”"
                body = _submitted(view)
            case "files.completeUploadExternal":
                head = f"📎 {who} receives a file"
                body = ", ".join(f.get("title") or "" for f in call.response.get("files", []))
            case "views.publish":
                head = f"🏠 {who}'s App Home"
                body = self._blocks(call.params.get("view", {}).get("blocks"))
            case "response_url":
                head = f"🔒 Only {who} sees"
                body = self._blocks(call.params.get("blocks")) or call.params.get("text", "")
            case "response_action.errors":
                head = f"⚠️  {who}'s form is refused, inline"
                body = "\n".join(f"{field}: {message}"
                                 for field, message in call.params["errors"].items())
            case _:
                head, body = f"✅ {who}'s modal closes", ""
        indented = textwrap.indent(self._people(body), "   │ ") if body else ""
        return f"{head}\n{indented}".rstrip() + "\n"

    def _blocks(self, blocks: list | None) -> str:
        lines: list[str] = []
        for block in blocks or []:
            kind = block.get("type")
            if kind == "header":
                lines.append(f"## {block['text']['text']}")
            elif kind == "section":
                lines.append(block.get("text", {}).get("text", ""))
                if block.get("accessory", {}).get("type") == "button":
                    lines[-1] += f"  [{block['accessory']['text']['text']}]"
            elif kind == "context":
                lines.append("(" + " ".join(e.get("text", "") for e in block["elements"]) + ")")
            elif kind == "divider":
                lines.append("─" * 20)
            elif kind == "actions":
                lines.append("  ".join(f"[{e['text']['text']}]" for e in block["elements"]
                                       if "text" in e))
            elif kind == "input" and block["element"]["type"] == "radio_buttons":
                # Every choice, as the reader sees them: the chosen one marked.
                chosen = (block["element"].get("initial_option") or {}).get("value")
                lines.append(f"{block['label']['text']}:")
                lines.extend(f"  ({'•' if o['value'] == chosen else ' '}) {o['text']['text']}"
                             for o in block["element"]["options"])
            elif kind == "input":
                lines.append(f"{block['label']['text']}: {_initial(block['element'])}")
        return "\n".join(lines)


def _initial(element: dict) -> str:
    if element.get("initial_user"):
        return f"<@{element['initial_user']}>"
    for key in ("initial_value", "initial_date", "initial_time"):
        if element.get(key):
            return str(element[key]).replace("\n", " / ")
    if element.get("initial_option"):
        return element["initial_option"]["text"]["text"]
    if element.get("initial_options"):
        return ", ".join(o["text"]["text"] for o in element["initial_options"])
    return "…"


def _submitted(view: dict) -> str:
    """Each field of a submitted modal with the value sent, as the app receives it."""
    values = view.get("state", {}).get("values", {})
    lines = []
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            continue
        state = values.get(block.get("block_id"), {}).get(block["element"]["action_id"], {})
        lines.append(f"{block['label']['text']}: {_chosen(state)}")
    return "\n".join(lines)


def _chosen(state: dict) -> str:
    if state.get("value"):
        return str(state["value"]).replace("\n", " / ")
    for key in ("selected_date", "selected_time"):
        if state.get(key):
            return state[key]
    if state.get("selected_user"):
        return f"<@{state['selected_user']}>"
    if state.get("selected_option"):
        return state["selected_option"]["text"]["text"]
    if state.get("selected_options"):
        return ", ".join(o["text"]["text"] for o in state["selected_options"])
    return "(left empty)"

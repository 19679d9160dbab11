"""A Slack port for flow and delivery tests: it records what a flow said and where, and
refuses a method the way Slack does when told to. No HTTP, no emulator."""

from __future__ import annotations

from dataclasses import dataclass, field

from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.services.relationships import MessageRef


def slack_refusal(error: str, status: int = 200, retry_after: int | None = None
                  ) -> SlackApiError:
    """What slack_sdk raises for a refused call: Slack's error code, its HTTP status and,
    for a 429, its Retry-After header."""
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
    response = SlackResponse(client=None, http_verb="POST", api_url="https://slack.test/",
                             req_args={}, data={"ok": False, "error": error},
                             headers=headers, status_code=status)
    return SlackApiError(f"The request to the Slack API failed: {error}", response)


@dataclass
class Said:
    method: str
    channel: str
    text: str = ""
    blocks: list | None = None
    ts: str = ""
    extra: dict = field(default_factory=dict)


class FakeSlack:
    def __init__(self) -> None:
        self.said: list[Said] = []
        # (method, channel or None for any) -> what it raises
        self.refusals: dict[tuple[str, str | None], SlackApiError] = {}
        self._ts = 1000

    def refuse(self, method: str, error: str, status: int = 200,
               retry_after: int | None = None, *, channel: str | None = None) -> None:
        self.refusals[(method, channel)] = slack_refusal(error, status, retry_after)

    def _call(self, method: str, channel: str | None = None) -> None:
        refusal = self.refusals.get((method, channel)) or self.refusals.get((method, None))
        if refusal is not None:
            raise refusal

    def _stamp(self) -> str:
        self._ts += 1
        return f"{self._ts}.000100"

    # ---- the port ------------------------------------------------------------------------

    def post(self, channel, text, blocks=None, *, metadata=None) -> MessageRef:
        self._call("post", channel)
        ts = self._stamp()
        # Posting to a user id lands in their DM: Slack answers with its D-channel.
        where = "D" + channel if channel.startswith(("U", "W")) else channel
        self.said.append(Said("post", where, text, blocks, ts, {"metadata": metadata}))
        return MessageRef(where, ts)

    def update(self, where, text, blocks) -> None:
        self._call("update")
        self.said.append(Said("update", where.channel, text, blocks, where.ts))

    def open_conversation(self, *user_ids) -> str:
        self._call("open_conversation")
        return "D" + user_ids[0] if len(user_ids) == 1 else "G" + "".join(sorted(user_ids))

    def upload(self, channel, content, filename, title, *, thread_ts=None) -> None:
        self._call("upload")
        self.said.append(Said("upload", channel, title, None, thread_ts or "",
                              {"filename": filename, "content": content}))

    def history(self, channel, limit) -> list[dict]:
        self._call("history")
        return [{"ts": s.ts, "metadata": s.extra.get("metadata") or {}}
                for s in self.said if s.method == "post" and s.channel == channel][-limit:]

    def publish_home(self, user_id, view) -> None:
        self._call("publish_home")
        self.said.append(Said("publish_home", user_id, "", view.get("blocks")))

    # ---- reading what was said -----------------------------------------------------------

    def to(self, channel: str, method: str = "post") -> list[Said]:
        return [s for s in self.said if s.channel == channel and s.method == method]

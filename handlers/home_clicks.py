"""A click on the App Home has no response URL: listeners get a `respond` that works
there too, set by one middleware."""

from __future__ import annotations

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient


class HomeReply(Respond):
    """`respond` for a click on the App Home, which has no response URL to answer on.

    What replaces the clicked message elsewhere needs nothing here: the Home is
    republished after the change. Anything else said to the clicker comes as a DM."""

    def __init__(self, client: WebClient, user_id: str) -> None:
        super().__init__(response_url=None)
        self._client, self._user_id = client, user_id

    def __call__(self, text: str | dict = "", blocks=None, *args, replace_original=None,
                 **kwargs):
        if replace_original or not isinstance(text, str):
            return None
        return self._client.chat_postMessage(channel=self._user_id, text=text, blocks=blocks)


def answer_home_clicks(body: dict, context: BoltContext, next) -> None:
    """Middleware: give listeners a `respond` that works on the App Home too."""
    container = body.get("container") or {}
    if body.get("type") == "block_actions" and container.get("type") == "view" and (
            body.get("view") or {}).get("type") == "home":
        context["respond"] = HomeReply(context.client, context.user_id)
    next()

"""The pages a person sees in their browser while adding mentorbot to a workspace: what
happened, and what to do next. Plain HTML; whatever Slack sent back is escaped."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from slack_bolt import BoltResponse
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_sdk.oauth.installation_store import Installation

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mentorbot</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;
padding:0 1rem;line-height:1.5;color:#1d1c1d}}h1{{font-size:1.5rem}}</style></head>
<body><h1>{title}</h1>{body}</body></html>"""


def page(title: str, body: str, status: int = 200) -> BoltResponse:
    return BoltResponse(status=status, body=_PAGE.format(title=escape(title), body=body),
                        headers={"Content-Type": "text/html; charset=utf-8"})


def installed(args: SuccessArgs) -> BoltResponse:
    found = args.installation
    where = found.team_name or found.enterprise_name or "your workspace"
    return page("mentorbot is installed",
                f"<p>mentorbot is ready in <strong>{escape(where)}</strong>. Open Slack and "
                "type <code>/mentor help</code>; a mentee starts with "
                "<code>/mentor ready</code>.</p>"
                "<p>Coordinators: <code>/mentor report</code> shows the programme's figures, "
                "never anyone's words.</p>")


def not_installed(args: FailureArgs) -> BoltResponse:
    again = f'<a href="{INSTALL_PATH}">start again</a>'
    if args.reason == "access_denied":
        return page("mentorbot was not added",
                    "<p>No problem: nothing was installed and nothing was shared. If you "
                    f"change your mind, {again}.</p>")
    if args.reason in ("invalid_state", "invalid_browser", "missing_state"):
        return page("This install link has expired",
                    "<p>Install links work once, for ten minutes, in the browser that "
                    f"opened them. Please {again}: it takes a minute.</p>", 400)
    return page("mentorbot could not be installed",
                f"<p>Slack did not complete the install ({escape(args.reason)}). Please "
                f"{again}; if it happens again, tell whoever runs mentorbot.</p>",
                max(400, args.suggested_status_code or 500))


def not_reached() -> BoltResponse:
    """The install could not be finished on mentorbot's side (Slack or the database did
    not answer): nothing was installed, and trying again in a minute usually works."""
    return page("mentorbot could not finish the install",
                "<p>Slack or mentorbot's database did not answer in time, so nothing was "
                f'installed. Please <a href="{INSTALL_PATH}">try again</a> in a minute; if '
                "it keeps happening, tell whoever runs mentorbot.</p>", 503)


def callbacks(on_installed: Callable[[Installation], None]) -> CallbackOptions:
    """The pages, after `on_installed` has recorded the installation."""
    def success(args: SuccessArgs) -> BoltResponse:
        on_installed(args.installation)
        return installed(args)

    return CallbackOptions(success=success, failure=not_installed)

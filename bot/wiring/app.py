"""The Bolt App factory: one App per process, listeners registered in one call."""

from __future__ import annotations

import logging
from contextlib import suppress

from slack_bolt import App, BoltContext, BoltResponse
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import CallableAuthorize
from slack_bolt.error import BoltError, BoltUnhandledRequestError
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.oauth.installation_store import Installation

from bot.flows.deps import Deps
from bot.flows.home import keep_homes_fresh
from bot.services import workspaces
from bot.slack.install_pages import INSTALL_PATH, REDIRECT_PATH, callbacks
from bot.slack.installations import NotInstalled, bot_scopes, state_store
from bot.support.logs import ContextExecutor, set_team
from bot.support.settings import ConfigError
from handlers import register_listeners
from handlers.context import DEPS_KEY
from handlers.guard import where
from handlers.home_clicks import answer_home_clicks

log = logging.getLogger(__name__)


def create_app(deps: Deps, *, socket_mode: bool = False) -> App:
    """Socket Mode needs no signing secret: Slack's own connection is the proof. With a
    client id and secret instead of a bot token, any workspace installs it with OAuth."""
    if socket_mode:
        deps.settings.require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
    else:
        deps.settings.require_a_token()
        deps.settings.require("SLACK_SIGNING_SECRET")
    secret = deps.settings.slack_signing_secret
    # Listeners ack first and go on working on this pool, which bounds how many at once;
    # the request thread returns as soon as they ack (handlers/guard.py).
    listeners = ContextExecutor(max_workers=deps.settings.web_threads,
                                thread_name_prefix="listener")
    try:
        app = App(
            client=deps.client,
            oauth_settings=_oauth_settings(deps),
            signing_secret=secret.get_secret_value() if secret else "",
            process_before_response=True,
            # bot/slack/edge.py has checked the signature on the raw body already.
            request_verification_enabled=False,
            listener_executor=listeners,
            # Checked on first use instead, so the app starts while Slack is unreachable.
            token_verification_enabled=False,
            ignoring_self_events_enabled=True,
            # Bolt's own warning for these prints the payload; report_failure logs ids.
            raise_error_for_unhandled_request=True,
        )
    except BoltError as error:  # pragma: no cover - Bolt rejects only malformed settings
        raise ConfigError(f"Slack app configuration is invalid: {error}") from None

    @app.middleware
    def provide_deps(context: BoltContext, next) -> None:
        context[DEPS_KEY] = deps
        set_team(context.team_id)
        # Bolt builds a plain client per request; listeners get the one that waits out a
        # Retry-After any process was given, and records the ones it is given, with the
        # token of the workspace the request came from.
        if deps.installations is None:
            context["client"] = deps.client
        elif context.team_id or context.enterprise_id:
            if context.is_enterprise_install and context.enterprise_id:
                # An org-wide install serves the organisation as one: its rows are kept
                # under the organisation's id, so people of two of its workspaces pair.
                context["team_id"] = context.enterprise_id
            # tokens_revoked came first: app_uninstalled, which Bolt lets through without
            # a token, is the end of the install, and needs none.
            with suppress(NotInstalled):
                context["client"] = deps.slack.web(context.team_id)
        next()

    app.error(report_failure)

    app.middleware(answer_home_clicks)
    register_listeners(app, listeners)
    keep_homes_fresh(deps)
    return app


def _oauth_settings(deps: Deps) -> OAuthSettings | None:
    settings = deps.settings
    if deps.installations is None:
        return None
    oauth = OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=bot_scopes(settings.emails_calendars), installation_store=deps.installations,
        installation_store_bot_only=True, state_store=state_store(deps.engine),
        install_path=INSTALL_PATH, redirect_uri_path=REDIRECT_PATH,
        # The person lands on Slack's consent screen straight away.
        install_page_rendering_enabled=False,
        callback_options=callbacks(lambda found: _record_install(deps, found)))
    # Requests find the token as the dispatcher does, renewed under a lock; Bolt's own
    # authorize would renew it without one.
    oauth.authorize = CallableAuthorize(logger=log, func=_installed_workspace(deps))
    return oauth


def _record_install(deps: Deps, found: Installation) -> None:
    with deps.uow() as uow:
        workspaces.installed(uow, found.team_id, found.enterprise_id,
                             bool(found.is_enterprise_install), deps.now())
    deps.slack.tokens.forget(found.team_id or found.enterprise_id or "")
    log.info("installed in %s", found.team_id or found.enterprise_id)


class UnknownWorkspaces:
    """A workspace with no installation may write often (its members opening the Home):
    it is named once per process, then only at DEBUG."""

    LIMIT = 1000

    def __init__(self) -> None:
        self._named: set[str] = set()

    def report(self, workspace: str) -> None:
        first = workspace not in self._named
        if first and len(self._named) < self.LIMIT:
            self._named.add(workspace)
        log.log(logging.INFO if first else logging.DEBUG,
                "a request from workspace %s, which has no installation: ignored", workspace)


def _installed_workspace(deps: Deps):
    unknown = UnknownWorkspaces()

    def authorize(enterprise_id: str | None, team_id: str | None,
                  context: BoltContext) -> AuthorizeResult | None:
        org_wide = bool(context.is_enterprise_install)
        try:
            bot = deps.slack.tokens.bot_for(team_id or enterprise_id or "",
                                            (enterprise_id, org_wide))
        except NotInstalled:
            unknown.report(team_id or enterprise_id or "")
            return None
        return AuthorizeResult(enterprise_id=enterprise_id, team_id=team_id,
                               bot_token=bot.bot_token, bot_id=bot.bot_id,
                               bot_user_id=bot.bot_user_id)

    return authorize


def report_failure(error: Exception, body: dict, response: BoltResponse | None
                   ) -> BoltResponse | None:
    """Bolt's global error handler: for what no listener took, and for middleware.

    The kind and the ids only, as everywhere: payloads and exception messages carry
    people's words. Slack gets an empty 200, since it would only retry the same request."""
    kind = body.get("type") or ("slash command" if "command" in body else "request")
    if isinstance(error, BoltUnhandledRequestError):
        log.info("no listener for a %s (%s)", kind, _listener_key(body))
    else:
        log.error("a %s failed: %s at %s", kind, type(error).__name__, where(error))
    return BoltResponse(status=200, body="") if response is not None else None


def _listener_key(body: dict) -> str:
    """The id a listener would be registered by: action, callback, event type or command."""
    actions = body.get("actions")
    if isinstance(actions, list) and actions and isinstance(actions[0], dict):
        return str(actions[0].get("action_id", "?"))[:64]
    view = body.get("view")
    if isinstance(view, dict):
        return str(view.get("callback_id", "?"))[:64]
    event = body.get("event")
    if isinstance(event, dict):
        return str(event.get("type", "?"))[:64]
    return str(body.get("command") or body.get("callback_id") or "?")[:64]

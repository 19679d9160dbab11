from slack_bolt import App

from bot.messages import ids
from handlers.events.home import publish_on_open
from handlers.events.lifecycle import forget_workspace
from handlers.personal_data import follow_user_change


def register(app: App) -> None:
    app.event(ids.APP_HOME_OPENED)(publish_on_open)
    app.event(ids.APP_UNINSTALLED)(forget_workspace)
    app.event(ids.TOKENS_REVOKED)(forget_workspace)
    app.event(ids.USER_CHANGE)(follow_user_change)

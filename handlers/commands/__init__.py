from slack_bolt import App

from bot.messages.ids import COMMAND
from handlers.commands.mentor import handle_mentor


def register(app: App) -> None:
    app.command(COMMAND)(handle_mentor)

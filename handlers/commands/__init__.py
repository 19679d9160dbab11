from slack_bolt import App

from handlers.commands.mentor import handle_mentor
from handlers.ids import COMMAND


def register(app: App) -> None:
    app.command(COMMAND)(handle_mentor)

from bot.messages.ids import COMMAND
from handlers.commands.mentor import asks_for_help, handle_mentor
from handlers.guard import GuardedApp


def register(app: GuardedApp) -> None:
    app.command(COMMAND, in_place=asks_for_help)(handle_mentor)

from bot.messages.ids import COMMAND
from handlers.commands.mentor import answer_help, asks_for_help, handle_mentor
from handlers.guard import GuardedApp


def register(app: GuardedApp) -> None:
    # Registered first: Bolt runs the first listener whose matchers accept the request.
    app.command_answered_in_place(COMMAND, matchers=[asks_for_help])(answer_help)
    app.command(COMMAND)(handle_mentor)

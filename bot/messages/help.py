from __future__ import annotations

from bot.messages.ids import COMMAND

COMMANDS: tuple[tuple[str, str], ...] = (
    ("help", "show this list"),
    ("ready", "answer four questions that prepare you to ask for mentoring"),
    ("invite [@person]", "compose an invitation to a mentor, preview it, and send it"),
    ("find [words]", "see who is open to mentoring and has room, best match first"),
    ("status", "see your mentoring relationships and withdraw a pending invitation"),
    ("agreement", "write the expectations agreement, or see the one you both confirmed"),
    ("schedule", "schedule a meeting with your mentor; both get a calendar invitation"),
    ("complete [@mentor]", "close a mentoring relationship well: a reflection for you, a "
                           "last thank-you for them"),
    ("continue [@mentor]", "propose to go on together for more months"),
    ("end [@person]", "end a relationship early; the other person is told kindly"),
    ("offer", "say you are open to mentoring: topics, how many at once, ways to meet"),
    ("export", "get a JSON file of everything mentorbot keeps about you"),
    ("forget", "erase your data (asks first); the other person's records stay whole"),
    ("report", "coordinators: the programme's health in figures, and a CSV"),
)


def help_text() -> str:
    lines = ["*mentorbot* helps you, the mentee, drive a mentoring relationship. Commands:"]
    lines += [f"• `{COMMAND} {usage}`: {what}" for usage, what in COMMANDS]
    lines.append("Start with `/mentor ready`, then `/mentor find` or `/mentor invite @someone`.")
    return "\n".join(lines)


def unknown_subcommand_text(word: str) -> str:
    return f"I don't know `{COMMAND} {word}`. Try `{COMMAND} help` for the list of commands."

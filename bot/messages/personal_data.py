"""Messages about a person's own data."""

from __future__ import annotations

from bot.messages import ids
from bot.messages.kit import actions, button, confirm_dialog, section

FORGET_EXPLAINED = (
    "*Forget me* erases what mentorbot keeps about you: your profile cache, readiness "
    "answers and drafts, and everything you wrote (invitations, agendas, takeaways, "
    "reflections, notes and reasons). Your open relationships end, and the other person is "
    "told. In their records you become an anonymous former member, so their own history "
    "stays whole. This can't be undone; `/mentor export` first if you want a copy.")


def forget_prompt() -> list[dict]:
    return [section(FORGET_EXPLAINED), actions(button(
        "Forget me", ids.FORGET_CONFIRM, "me", style="danger",
        confirm=confirm_dialog("Forget you?", "Everything you wrote is erased for good.",
                               "Forget me")), block_id="forget")]


def left_mentorbot(user_id: str, meetings_cancelled: int = 0) -> str:
    said = (f"<@{user_id}> has left mentorbot and asked it to forget their data, so your "
            "mentoring with them has ended here. Your own records stay as they were.")
    if meetings_cancelled == 1:
        said += (" Your meeting ahead is cancelled: the calendar file in this thread takes "
                 "it out of your calendar.")
    elif meetings_cancelled:
        said += (f" Your {meetings_cancelled} meetings ahead are cancelled: the calendar "
                 "files in this thread take them out of your calendar.")
    return said

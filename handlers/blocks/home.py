"""The App Home tab."""

from __future__ import annotations

from bot.services.invitations import RelationshipView
from handlers import ids
from handlers.blocks.invitation import status_lines
from handlers.blocks.kit import actions, button, context, divider, header, section

MAX_LISTED = 20  # keeps the view far below Block Kit's 100-block limit


def home_view(user_id: str, relationships: list[RelationshipView], has_readiness: bool) -> dict:
    blocks = [header("mentorbot")]
    if not relationships:
        blocks += [
            section("mentorbot helps you find a mentor and make the relationship work, with you "
                    "in the driver's seat: a clear invitation, agreed expectations, and "
                    "meetings you prepare and follow up."),
            section("Start by answering five short questions: they make your invitation "
                    "specific, and specific invitations get a yes."),
        ]
    else:
        blocks += [section("*Your mentoring relationships*"),
                   *status_lines(relationships[:MAX_LISTED], user_id)]
        if len(relationships) > MAX_LISTED:
            blocks.append(context(f"…and {len(relationships) - MAX_LISTED} older ones."))
    blocks.append(divider())
    readiness_label = "Review your answers" if has_readiness else "Answer the readiness questions"
    blocks.append(actions(
        button(readiness_label, ids.OPEN_READINESS, style=None if has_readiness else "primary"),
        button("Invite a mentor", ids.OPEN_INVITE),
        block_id="home_start",
    ))
    return {"type": "home", "blocks": blocks}

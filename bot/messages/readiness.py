"""The readiness modal: four questions about yourself to answer before asking anyone."""

from __future__ import annotations

from bot.messages import ids
from bot.messages.kit import context, modal, text_input
from bot.services.readiness import Answers

QUESTIONS: tuple[tuple[str, str, str], ...] = (
    (ids.READY_NEXT_GOAL, "What is your next career goal?",
     "e.g. Lead a platform team within two years"),
    (ids.READY_STRENGTHS, "What are your current strengths and successes?",
     "What you do well, with an example"),
    (ids.READY_GROWTH, "Which areas do you want to grow in, and why?",
     "Skills or situations you want to handle better"),
    (ids.READY_WHY_MENTOR, "Why do you want a mentor?",
     "What a mentor would give you that a course or a manager can't"),
)
ANSWER_LIMIT = 1000


def readiness_modal(answers: Answers | None) -> dict:
    blocks = [context(
        "A mentor says yes more easily to someone who knows what they want. "
        "Your answers stay private and prefill your invitation."
    )]
    for field_id, question, placeholder in QUESTIONS:
        initial = getattr(answers, field_id) if answers else None
        blocks.append(text_input(field_id, question, initial=initial, placeholder=placeholder))
    return modal(ids.READINESS_VIEW, "Get ready", blocks, submit="Save")

"""How long each typed answer may be: the modal's max_length, and the server's own check.

Slack's client enforces max_length, but a request can come from elsewhere; both sides read
this one table so they never disagree.
"""

from __future__ import annotations

from bot.domain.agreement import TERM_LIMIT
from bot.domain.invitation import TEXT_LIMIT
from bot.domain.offers import NOTE_LIMIT, TOPICS_LIMIT
from bot.domain.usual_times import TEXT_LIMIT as USUAL_TIMES_LIMIT
from bot.messages import ids

# Slack's own ceiling for a plain_text_input.
SLACK_TEXT_INPUT_MAX = 3000

TEXT_LIMITS: dict[str, int] = {
    **dict.fromkeys((ids.READY_NEXT_GOAL, ids.READY_STRENGTHS, ids.READY_GROWTH,
                     ids.READY_WHY_MENTOR), 1000),
    **dict.fromkeys((ids.INVITE_INTRO, ids.INVITE_WHY_THEM, ids.INVITE_OFFER,
                     ids.COUNTER_NOTE, ids.DECLINE_REASON), TEXT_LIMIT),
    ids.AGREEMENT_OWN_TERMS: 2000,
    ids.AGREEMENT_NOTE: TERM_LIMIT,
    ids.MEETING_LINK: 1000,
    ids.MEETING_PLACE: 500,
    **dict.fromkeys((ids.AGENDA_TOPICS, ids.AGENDA_QUESTIONS, ids.AGENDA_CONTEXT,
                     ids.AGENDA_LINKS), 1500),
    ids.AFTER_TAKEAWAYS: 2000,
    ids.AFTER_THANKS: 1000,
    ids.AFTER_SUMMARY: 2000,
    ids.COMPLETE_GOAL_NOW: 1500,
    ids.USUAL_TIMES: USUAL_TIMES_LIMIT,
    ids.COMPLETE_REFLECTION: 3000,
    ids.COMPLETE_THANKS: 1500,
    ids.CONTINUE_NOTE: 1000,
    ids.END_REASON: 1000,
    ids.ASK_NOTE: 500,
    ids.FOLLOW_UP_TEXT: 600,
    ids.OFFER_TOPICS: TOPICS_LIMIT,
    ids.OFFER_NOTE: NOTE_LIMIT,
}


def text_limit(input_id: str) -> int:
    if input_id.startswith(ids.AGREEMENT_TERM):
        return TERM_LIMIT
    return TEXT_LIMITS.get(input_id, SLACK_TEXT_INPUT_MAX)

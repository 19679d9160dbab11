"""Ideas for the agenda, from the article: questions that make a session more than small
talk. She inserts one into her questions with a click, edits or deletes it there; nothing
is sent that she did not keep in what she submits."""

from __future__ import annotations

from bot.messages import ids
from bot.messages.kit import actions, button, context
from bot.messages.limits import text_limit

PROMPTS = (
    ("A decision that cost them",
     "A decision that cost you something: what was its impact on your career, your "
     "family, your health and your fulfilment?"),
    ("What they'd do differently",
     "Looking back on that path, what would you do differently?"),
    ("The question you're afraid to ask",
     "The question I'm afraid to ask: "),
)


def prompt_buttons() -> list[dict]:
    return [context("*Ideas for your questions*, from mentors' experience: a click adds one "
                    "to your questions, where you can change it."),
            actions(*(button(label, f"{ids.AGENDA_PROMPT}{n}")
                      for n, (label, _) in enumerate(PROMPTS, start=1)))]


def with_prompt(blocks: list[dict], typed: str, number: int) -> list[dict]:
    """The agenda form with prompt `number` added to what she has typed in her questions.
    Slack keeps an input's typed text while its block id stays, so the questions get a
    new block id each time: the only way to show her the text with the prompt in it."""
    prompt = PROMPTS[number - 1][1]
    shown = []
    for block in blocks:
        element = block.get("element", {})
        if element.get("action_id") != ids.AGENDA_QUESTIONS:
            shown.append(block)
            continue
        text = typed if prompt.strip() in typed else \
            (f"{typed.rstrip()}\n{prompt}" if typed.strip() else prompt)
        _, _, count = block["block_id"].partition(".")
        shown.append({**block, "block_id": f"{ids.AGENDA_QUESTIONS}.{int(count or 0) + 1}",
                      "element": {**element, "initial_value":
                                  text[:text_limit(ids.AGENDA_QUESTIONS)]}})
    return shown

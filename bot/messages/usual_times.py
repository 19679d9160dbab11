"""Block Kit for a mentor's usual times: the field he says them in, and the slots inside
them that the schedule form offers his mentee, each in both zones."""

from __future__ import annotations

from datetime import datetime

from bot.domain.usual_times import EXAMPLE
from bot.messages import ids
from bot.messages.kit import context, modal, radio_input, section, text_input
from bot.support.timefmt import when, zone


def place(tz: str) -> str:
    """A zone as people say it: "America/Los_Angeles" is Los Angeles."""
    return tz.rsplit("/", 1)[-1].replace("_", " ")


def usual_times_input(said: str, tz: str) -> dict:
    return text_input(
        ids.USUAL_TIMES, "Times that usually suit you", initial=said or None, optional=True,
        multiline=False, placeholder=EXAMPLE,
        hint=f"Weekly, in your time zone ({place(tz)}). Only the mentees you accept see "
             "them, as times to book; leave it empty to say none.")


def usual_times_modal(said: str, tz: str) -> dict:
    blocks = [
        context("Say when you are usually free, once: your mentees are offered free times "
                "inside these windows when they book, in your zone and theirs. No calendar "
                "is read, and nothing is booked without them."),
        usual_times_input(said, tz),
    ]
    return modal(ids.USUAL_TIMES_VIEW, "Your usual times", blocks, submit="Save")


def saved_usual_times(said: str, tz: str) -> str:
    if not said:
        return "No usual times: your mentees pick any time, and see what it is for you."
    return (f"Your usual times: *{said}* ({place(tz)}). Your mentees are offered the free "
            "times inside them when they book.")


def slot_label(slot: datetime, her_tz: str, his_tz: str) -> str:
    his = slot.astimezone(zone(his_tz))
    # An option's text may be at most 75 characters.
    return f"{when(slot, her_tz)} · {his:%a %H:%M} in {place(his_tz)}"[:75]


def slot_choice(mentor_id: str, slots: list[datetime], her_tz: str, his_tz: str
                ) -> list[dict]:
    """The free slots inside his usual times, the first chosen: one click on Schedule
    books it. "Another time" leaves the date and time below to her."""
    options = [{"text": {"type": "plain_text", "text": slot_label(slot, her_tz, his_tz)},
                "value": str(int(slot.timestamp()))} for slot in slots]
    options.append({"text": {"type": "plain_text", "text": "Another time: the date and "
                                                           "time below"},
                    "value": ids.ANOTHER_TIME})
    choice = radio_input(ids.USUAL_SLOT, "When", options, options[0]["value"])
    # A choice moves the date and time below to it, so the form never shows two times.
    choice["dispatch_action"] = True
    return [section(f"*Times that usually suit <@{mentor_id}>*, free for you both "
                    "(your time first):"), choice]


def with_fresh_slots(blocks: list[dict], mentor_id: str, taken: datetime,
                     free: list[datetime], her_tz: str, his_tz: str) -> list[dict]:
    """The schedule form again, as she filled it, its slots those free now and the next
    one chosen, saying the one she picked was booked meanwhile. The choice gets a new
    block id: Slack keeps an input's choice while its block id stays."""
    heading, choice = slot_choice(mentor_id, free, her_tz, his_tz)
    heading = section(f":warning: *{slot_label(taken, her_tz, his_tz)}* was booked "
                      f"meanwhile. Times that usually suit <@{mentor_id}>, free for you both "
                      "now (your time first):")
    choice = {**choice, "block_id": f"{ids.USUAL_SLOT}.{int(taken.timestamp())}"}
    shown: list[dict] = []
    for block in blocks:
        if block.get("element", {}).get("action_id") == ids.USUAL_SLOT:
            shown[-1:] = [heading, choice]  # the heading above the choice, and the choice
        else:
            shown.append(block)
    return shown

"""Closing a relationship: completing it, continuing it, or ending it early."""

from __future__ import annotations

from datetime import datetime

from bot.domain.endings import MAX_EXTRA_MONTHS
from bot.domain.relationship import Role
from bot.messages import ids
from bot.messages.kit import (
    actions,
    button,
    context,
    escape,
    modal,
    option,
    quote,
    section,
    select_input,
    text_input,
)
from bot.services.relationships import RelationshipView
from bot.support.timefmt import when


def complete_modal(rel: RelationshipView, goal: str = "") -> dict:
    """`goal`: the next goal of her readiness answers. What she set out with is shown to
    her alone, in this form, beside the question of where she stands now."""
    blocks = [
        section(f"Completing your mentoring with <@{rel.mentor_id}>. Take a moment to look "
                "back: what changed for you, and what you will carry on by yourself."),
        *_goal_looked_back_on(rel, goal),
        text_input(ids.COMPLETE_REFLECTION, "Your reflection (private: only you see it)",
                   optional=True,
                   placeholder="What I set out to do, what I did, what's next…"),
        text_input(ids.COMPLETE_THANKS, "A final thank-you for your mentor", optional=True,
                   placeholder="Thank you for these months. The thing I'll keep is …"),
        context("Completing ends the reminders. Your meetings, agendas and takeaways stay "
                "yours to look back on."),
    ]
    return modal(ids.COMPLETE_VIEW, "Complete mentoring", blocks, submit="Complete",
                 private_metadata=str(rel.id))


def _goal_looked_back_on(rel: RelationshipView, goal: str) -> list[dict]:
    said, intro = [], rel.invitation.intro
    if goal.strip() and goal.strip() in intro:
        said.append(section("*The goal you set out with*, in your readiness answers and in "
                            f"your invitation to <@{rel.mentor_id}>:\n" + quote(intro)))
    else:
        if goal.strip():
            said.append(section("*The goal you set out with*, in your readiness answers:\n"
                                + quote(goal)))
        if intro.strip():
            said.append(section(f"*What you told <@{rel.mentor_id}>* in your invitation:\n"
                                + quote(intro)))
    if not said:
        return []
    return [*said, text_input(
        ids.COMPLETE_GOAL_NOW, "Where do you stand now? (private: only you see it)",
        optional=True, placeholder="Against that goal: what's done, what moved, what's next")]


def continue_modal(rel: RelationshipView) -> dict:
    months = [option(f"{n} more month{'s' if n > 1 else ''}", str(n))
              for n in range(1, MAX_EXTRA_MONTHS + 1)]
    blocks = [
        section(f"Propose to continue with <@{rel.mentor_id}>: same terms, a longer timeline. "
                "They confirm with one click, and the agreement gets a new version."),
        select_input(ids.CONTINUE_MONTHS, "For how much longer?", months, "3"),
        text_input(ids.CONTINUE_NOTE, "A note for your mentor", optional=True,
                   placeholder="What you'd like to work on next together"),
    ]
    return modal(ids.CONTINUE_VIEW, "Continue mentoring", blocks, submit="Propose",
                 private_metadata=str(rel.id))


def continuation_request(rel: RelationshipView, months: int, note: str) -> tuple[str, list]:
    text = (f"<@{rel.mentee_id}> would like to continue your mentoring for {months} more "
            f"month{'s' if months > 1 else ''}, on the same terms.")
    blocks = [section(text)]
    if note:
        blocks.append(section(">" + escape(note).replace("\n", "\n>")))
    blocks.append(actions(
        button("Continue together", ids.CONTINUE_CONFIRM, str(rel.id), style="primary"),
        button("Not this time", ids.CONTINUE_DECLINE, str(rel.id)),
        block_id="continuation"))
    return text, blocks


def continued(rel: RelationshipView, months: int, ends_at: datetime, tz: str) -> str:
    return (f":seedling: Continued: <@{rel.mentee_id}> and <@{rel.mentor_id}>, {months} more "
            f"month{'s' if months > 1 else ''}, now until {when(ends_at, tz)}. The agreement "
            "has a new version with the longer timeline.")


def end_modal(rel: RelationshipView, reader_id: str) -> dict:
    other = rel.mentor_id if reader_id == rel.mentee_id else rel.mentee_id
    blocks = [
        section(f"End your mentoring with <@{other}> now, before its agreed time. They will be "
                "told kindly, and every reminder stops."),
        text_input(ids.END_REASON, "Why (private: only you see it)", optional=True),
    ]
    return modal(ids.END_VIEW, "End mentoring", blocks, submit="End it",
                 private_metadata=str(rel.id))


def ended_for_other(rel: RelationshipView, by: Role) -> str:
    ender = rel.mentee_id if by is Role.MENTEE else rel.mentor_id
    said = (f"<@{ender}> has brought your mentoring to a close. Thank you for the time and "
            "care you put into it. Nothing more is needed from you, and no reminders will "
            "follow.")
    if by is Role.MENTOR:
        # She drives: what comes next is hers to start, and it starts from what she has.
        said += (" When you're ready, `/mentor find` a mentor whose offer fits you, or "
                 "`/mentor invite` someone: your invitation's answers are kept.")
    return said


def ended_for_ender(rel: RelationshipView, reader_id: str) -> str:
    other = rel.mentor_id if reader_id == rel.mentee_id else rel.mentee_id
    return (f"Ended: your mentoring with <@{other}>. They have been told kindly; your reason "
            "stays with you.")


def completed_for_mentor(rel: RelationshipView) -> str:
    return (f":tada: <@{rel.mentee_id}> has marked your mentoring complete. Thank you for the "
            "time you gave; it made a difference.")

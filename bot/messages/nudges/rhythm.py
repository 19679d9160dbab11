"""Messages of the nudges that keep a relationship going, and close it on purpose.

Each says what is true when it is read: the real time since the pair last met (or
began), who is waiting on whom, and what happens next if nothing changes."""

from __future__ import annotations

from bot.domain.nudges.conversation import BOOK_CONVERSATION, CLOSE_CONVERSATION
from bot.domain.nudges.model import NudgeKind
from bot.domain.nudges.rhythm import (
    DECIDE,
    DECIDE_REMINDER,
    FINAL_SESSION,
    KEEP_RHYTHM,
    LAPSE,
    LAPSED_FOR_MENTOR,
)
from bot.domain.timeline import elapsed
from bot.messages import ids
from bot.messages.kit import actions, button, context, section
from bot.messages.nudges.inputs import Builder, NudgeInput, Stretch
from bot.services.relationships import RelationshipView
from bot.support.timefmt import day, local_today

AGAIN_HINT = "Nothing is sent until you preview it and press Send."


def _gap_phrase(rel: RelationshipView, stretch: Stretch) -> str:
    ago = elapsed(stretch.since, stretch.now)
    if not stretch.met:
        return f"You haven't met <@{rel.mentor_id}> yet: your mentoring began {ago} ago"
    return f"It's been {ago} since your last session with <@{rel.mentor_id}>"


def keep_rhythm(n: NudgeInput) -> tuple[str, list[dict]]:
    rel, stretch = n.relationship, n.stretch
    if not stretch.met:
        text = (f"{_gap_phrase(rel, stretch)}. Book your first session: you keep the rhythm, "
                f"so <@{rel.mentor_id}> only has to show up.")
    else:
        text = (f"{_gap_phrase(rel, stretch)}, and none is booked. You agreed to meet "
                f"{rel.terms.cadence.label}: book the next one.")
    return text, [section(text), actions(
        button("Schedule a meeting", ids.SCHEDULE_NEXT, str(rel.id), style="primary"),
        block_id="rhythm")]


def final_session(n: NudgeInput) -> tuple[str, list[dict]]:
    rel = n.relationship
    text = (f"Your agreed timeline with <@{rel.mentor_id}> ends in two weeks. Plan the "
            "final session: at it you either complete, or choose together to continue.")
    return text, [section(text), actions(
        button("Schedule a meeting", ids.OPEN_SCHEDULE, str(rel.id), style="primary"),
        button("Complete", ids.OPEN_COMPLETE, str(rel.id)),
        button("Propose to continue", ids.OPEN_CONTINUE, str(rel.id)), block_id="rhythm")]


def _ended(stretch: Stretch) -> bool:
    return stretch.ends_at is not None and stretch.now >= stretch.ends_at


def _what_happened(rel: RelationshipView, stretch: Stretch, tz: str) -> str:
    if _ended(stretch):
        said = (f"Your agreed {rel.terms.months} months with <@{rel.mentor_id}> ended on "
                f"{day(local_today(stretch.ends_at, tz))}")
    else:
        said = f"{_gap_phrase(rel, stretch)}, and nothing is booked"
    if stretch.waiting_on_mentor:
        said += (f". <@{rel.mentor_id}> hasn't answered your proposal to continue: you may "
                 "wait, or choose another way")
    return said


def _why_closed(rel: RelationshipView, stretch: Stretch, tz: str) -> str:
    if rel.terms.conversation:
        return "it wasn't booked within its month"
    if not stretch.began:
        return (f"it never began: no agreement was confirmed in the "
                f"{elapsed(stretch.agreed_at or stretch.since, stretch.now)} since "
                f"<@{rel.mentor_id}>'s yes")
    silent = ", and I didn't hear what you'd like next"
    if _ended(stretch):
        return (f"your agreed {rel.terms.months} months ended on "
                f"{day(local_today(stretch.ends_at, tz))}{silent}")
    since = "since your last session" if stretch.met else "since it began"
    return f"nothing was booked in the {elapsed(stretch.since, stretch.now)} {since}{silent}"


def _choices(rel: RelationshipView) -> dict:
    return actions(
        button("Schedule the final session", ids.SCHEDULE_NEXT, str(rel.id), style="primary"),
        button("Propose to continue", ids.OPEN_CONTINUE, str(rel.id)),
        button("Complete", ids.OPEN_COMPLETE, str(rel.id)),
        button("End it kindly", ids.OPEN_END, str(rel.id)), block_id="decide")


def _unless(rel: RelationshipView, stretch: Stretch, tz: str) -> str:
    by = day(local_today(stretch.lapses_at, tz)) if stretch.lapses_at else "two weeks from now"
    return (f"If nothing changes by {by}, I'll close it kindly: <@{rel.mentor_id}> will hear "
            "that nothing is asked of them, and you can invite them again whenever you like.")


def decide(n: NudgeInput) -> tuple[str, list[dict]]:
    rel, stretch = n.relationship, n.stretch
    text = (f"{_what_happened(rel, stretch, n.tz)}. What next? It's your decision: schedule the "
            "final session, propose to continue, complete with a last thank-you, or end it "
            "kindly.")
    return text, [section(text), _choices(rel), context(_unless(rel, stretch, n.tz))]


def decide_reminder(n: NudgeInput) -> tuple[str, list[dict]]:
    rel, stretch = n.relationship, n.stretch
    text = (f"A week ago I asked what comes next for your mentoring with <@{rel.mentor_id}>. "
            f"{_what_happened(rel, stretch, n.tz)}. One click is enough.")
    return text, [section(text), _choices(rel), context(_unless(rel, stretch, n.tz))]


def invite_again_button(rel: RelationshipView) -> dict:
    return button("Invite them again", ids.INVITE_AGAIN, str(rel.id), style="primary")


def lapsed_for_mentee(n: NudgeInput) -> tuple[str, list[dict]]:
    rel = n.relationship
    what = "mentoring conversation" if rel.terms.conversation else "mentoring"
    text = (f"Your {what} with <@{rel.mentor_id}> is closed: "
            f"{_why_closed(rel, n.stretch, n.tz)}. <@{rel.mentor_id}> has been told kindly, "
            "with nothing asked of them. Your meetings and notes stay "
            "yours. Whenever you're ready, you can start again: the composer opens with what "
            "you wrote last time.")
    return text, [section(text), actions(invite_again_button(rel), block_id="lapsed"),
                  context(AGAIN_HINT)]


def lapsed_for_mentor(n: NudgeInput) -> tuple[str, None]:
    rel = n.relationship
    what = "mentoring conversation" if rel.terms.conversation else "mentoring"
    why = ("no agreement was confirmed after your yes" if not n.stretch.began
           else "nothing was booked for a while")
    return (f"Your {what} with <@{rel.mentee_id}> is closed: {why}, so mentorbot closed it "
            "kindly. Nothing is asked of you, and the place it held is free again."), None


def book_conversation(n: NudgeInput) -> tuple[str, list[dict]]:
    rel, stretch = n.relationship, n.stretch
    by = day(local_today(stretch.ends_at, n.tz))
    text = (f"<@{rel.mentor_id}> said yes to a mentoring conversation "
            f"{elapsed(stretch.since, stretch.now)} ago, and it isn't booked yet. Book it "
            f"before {by}: you handle the logistics, so they only have to show up.")
    return text, [section(text), actions(
        button("Book the conversation", ids.SCHEDULE_NEXT, str(rel.id), style="primary"),
        block_id="book_conversation")]


def conversation_closed(n: NudgeInput) -> tuple[str, list[dict]]:
    rel = n.relationship
    text = (f"Your mentoring conversation with <@{rel.mentor_id}> is marked complete: two "
            "weeks have passed since it. No thanks was sent in your name; if you'd like to "
            "thank them, a short message of your own is best. If you would like more, you may "
            "propose a mentoring relationship.")
    return text, [section(text), actions(
        button("Propose a mentoring relationship", ids.PROPOSE_RELATIONSHIP, str(rel.id)),
        block_id="after_conversation"), context(AGAIN_HINT)]


MESSAGES: dict[NudgeKind, Builder] = {
    KEEP_RHYTHM: keep_rhythm,
    FINAL_SESSION: final_session,
    DECIDE: decide,
    DECIDE_REMINDER: decide_reminder,
    LAPSE: lapsed_for_mentee,
    LAPSED_FOR_MENTOR: lapsed_for_mentor,
    BOOK_CONVERSATION: book_conversation,
    CLOSE_CONVERSATION: conversation_closed,
}

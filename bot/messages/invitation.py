"""Block Kit for composing, previewing, sending and answering an invitation."""

from __future__ import annotations

from datetime import datetime

from bot.domain.invitation import (
    MEETING_MINUTES,
    TIMELINE_MONTHS,
    Cadence,
    Invitation,
    MeetingFormat,
)
from bot.domain.relationship import State
from bot.messages import ids
from bot.messages.kit import (
    actions,
    button,
    context,
    divider,
    header,
    mention,
    modal,
    option,
    quote,
    radio_input,
    section,
    select_input,
    text_input,
)
from bot.services.relationships import MessageRef, RelationshipView
from bot.support.timefmt import when

MONTH_OPTIONS = [option(f"{m} months", str(m)) for m in TIMELINE_MONTHS]
MINUTE_OPTIONS = [option(f"{m} minutes", str(m)) for m in MEETING_MINUTES]
CADENCE_OPTIONS = [option(c.label.capitalize(), c.value) for c in Cadence]
FORMAT_OPTIONS = [option(f.label.capitalize(), f.value) for f in MeetingFormat]
def invitation_blocks(mentee_id: str, invitation: Invitation, reply_by_text: str) -> list[dict]:
    """What the mentor reads: the ask first, then the why, the offer and the deadline."""
    ask = invitation.terms.summary(invitation.meeting_format)
    wish = (f"<@{mentee_id}> asks you for *{ask}*." if invitation.terms.conversation
            else f"<@{mentee_id}> would like you to mentor them: *{ask}*.")
    return [
        header("A mentoring invitation"), section(wish), *_her_words(invitation),
        context(f"They'll handle all logistics. Please reply by *{reply_by_text}* (your time);"
                " if they haven't heard by then, they'll check back once."),
    ]


def _her_words(invitation: Invitation) -> list[dict]:
    return [section(f"*Who they are*\n{quote(invitation.intro)}"),
            section(f"*Why you*\n{quote(invitation.why_them)}"),
            section(f"*In return*\n{quote(invitation.offer)}")]


def invitation_buttons(relationship_id: int, *, conversation: bool = False) -> dict:
    """One conversation is taken or declined as asked: there is nothing to counter."""
    value = str(relationship_id)
    return actions(
        button("Accept", ids.INVITE_ACCEPT, value, style="primary"),
        *([] if conversation else [button("Suggest changes", ids.INVITE_SUGGEST, value)]),
        button("Decline", ids.INVITE_DECLINE, value),
        block_id="invitation_answer",
    )


def invitation_message(rel: RelationshipView, mentor_tz: str) -> list[dict]:
    return [
        *invitation_blocks(rel.mentee_id, rel.invitation, when(rel.reply_by_at, mentor_tz)),
        invitation_buttons(rel.id, conversation=rel.terms.conversation),
    ]


def invitation_answered(rel: RelationshipView, outcome: str) -> list[dict]:
    """The mentor's invitation once answered: what she asked for, in the past tense and
    with no deadline left to meet, then the answer (what was agreed) in the buttons' place."""
    asked = rel.asked or rel.terms
    ask = asked.summary(rel.asked_format or rel.invitation.meeting_format)
    wish = (f"<@{rel.mentee_id}> asked you for *{ask}*." if rel.terms.conversation
            else f"<@{rel.mentee_id}> asked you to mentor them: *{ask}*.")
    said = section(outcome)
    if rel.state in (State.AGREED, State.ACTIVE):
        # Once he said yes: the one place he may say when he is usually free.
        said["accessory"] = button("Your usual times", ids.OPEN_USUAL_TIMES)
    return [header("A mentoring invitation"), section(wish), *_her_words(rel.invitation),
            divider(), said]


def preview_modal(draft_id: int, mentor_id: str, blocks: list[dict]) -> dict:
    intro = section(f"This is exactly what <@{mentor_id}> will receive:")
    return modal(ids.INVITE_PREVIEW_VIEW, "Preview", [intro, divider(), *blocks],
                 submit="Send invitation", close="Back to edit", private_metadata=str(draft_id))


def sent_to_mentee(rel: RelationshipView, mentee_tz: str) -> list[dict]:
    ask = rel.terms.summary(rel.invitation.meeting_format)
    return [
        section(f"Your invitation is on its way to <@{rel.mentor_id}>: {ask}. "
                f"They have until {when(rel.reply_by_at, mentee_tz)} to reply; "
                "I'll tell you as soon as they do."),
        actions(button("Withdraw invitation", ids.INVITE_WITHDRAW, str(rel.id)),
                block_id="invitation_sent"),
    ]


def answer_context(rel: RelationshipView, message: MessageRef | None) -> str:
    """private_metadata for the mentor's answer modals: the relationship, and the message
    the mentor clicked on, which is the one to update."""
    where = f"|{message.channel}|{message.ts}" if message else ""
    return f"{rel.id}{where}"


def counter_modal(rel: RelationshipView, message: MessageRef | None = None) -> dict:
    t = rel.terms
    blocks = [
        context(f"<@{rel.mentee_id}> asked for {t.summary(rel.invitation.meeting_format)}. "
                "Change what doesn't fit; they will accept your version or withdraw."),
        select_input(ids.INVITE_MONTHS, "Timeline", MONTH_OPTIONS, str(t.months)),
        select_input(ids.INVITE_CADENCE, "How often", CADENCE_OPTIONS, t.cadence.value),
        select_input(ids.INVITE_MINUTES, "Minutes per meeting", MINUTE_OPTIONS, str(t.minutes)),
        radio_input(ids.INVITE_FORMAT, "Format", FORMAT_OPTIONS,
                    rel.invitation.meeting_format.value),
        text_input(ids.COUNTER_NOTE, "A note for them", optional=True,
                   placeholder="Happy to help! Monthly works better with my schedule."),
    ]
    return modal(ids.COUNTER_VIEW, "Suggest changes", blocks, submit="Send suggestion",
                 private_metadata=answer_context(rel, message))


def decline_modal(rel: RelationshipView, message: MessageRef | None = None) -> dict:
    blocks = [
        section(f"You're declining <@{rel.mentee_id}>'s invitation. A kind word helps them "
                "ask the next person well."),
        text_input(ids.DECLINE_REASON, "Reason (optional, shared only with them)", optional=True,
                   placeholder="I'm at capacity this quarter, but your invitation was great."),
    ]
    return modal(ids.DECLINE_VIEW, "Decline invitation", blocks, submit="Decline",
                 private_metadata=answer_context(rel, message))


def counter_for_mentee(rel: RelationshipView) -> list[dict]:
    assert rel.counter is not None
    blocks = [
        section(f"<@{rel.mentor_id}> would like to mentor you with a change: "
                f"*{rel.counter.summary(rel.proposed_format)}* instead of "
                f"{rel.terms.summary(rel.invitation.meeting_format)}."),
    ]
    if rel.counter_note:
        blocks.append(section(quote(rel.counter_note)))
    blocks.append(actions(
        button("Accept changes", ids.COUNTER_ACCEPT, str(rel.id), style="primary"),
        button("Withdraw", ids.INVITE_WITHDRAW, str(rel.id)),
        block_id="counter_answer",
    ))
    return blocks


def answered_note(text: str) -> list[dict]:
    return [section(text)]


# ---- outcome texts ---------------------------------------------------------------------------

def outcome_for_mentor(rel: RelationshipView, at: datetime, tz: str) -> str:
    stamp = when(at, tz)
    fmt = rel.invitation.meeting_format
    match rel.state:
        case State.AGREED if rel.counter is not None:
            return (f":white_check_mark: <@{rel.mentee_id}> accepted your suggested changes on "
                    f"{stamp}: {rel.terms.summary(fmt)}. They'll send the expectations next.")
        case State.AGREED:
            return (f":white_check_mark: You accepted on {stamp}: {rel.terms.summary(fmt)}. "
                    f"<@{rel.mentee_id}> will send the expectations next.")
        case State.ACTIVE if rel.terms.conversation:
            return (f":white_check_mark: You accepted on {stamp}: {rel.terms.summary(fmt)}. "
                    f"<@{rel.mentee_id}> will book it and send you the calendar invitation.")
        case State.DECLINED:
            return f"You declined on {stamp}. Thank you for answering."
        case State.WITHDRAWN:
            return f"<@{rel.mentee_id}> withdrew this invitation on {stamp}. Nothing more to do."
        case State.EXPIRED:
            return f"This invitation expired on {stamp}."
        case _:
            assert rel.counter is not None
            return (f":speech_balloon: You suggested {rel.counter.summary(rel.proposed_format)} "
                    f"on {stamp}. "
                    f"<@{rel.mentee_id}> will accept it or withdraw.")


def accepted_for_mentee(rel: RelationshipView) -> str:
    return (f":tada: <@{rel.mentor_id}> accepted your invitation: "
            f"{rel.terms.summary(rel.invitation.meeting_format)}. Next, put your expectations "
            "in writing: you drive it.")


def declined_for_mentee(rel: RelationshipView) -> str:
    # Only the mentor's own words say why: mentorbot never supplies a reason for them.
    text = f"<@{rel.mentor_id}> has declined your invitation."
    if rel.decline_reason:
        text += f" They wrote:\n{quote(rel.decline_reason)}\n"
    else:
        text += " "
    return text + ("A declined invitation is a no to the timing, not to you. When you're "
                   "ready, `/mentor find` someone whose offer fits, or `/mentor invite` "
                   "someone else: your answers are kept.")


def counter_accepted_for_mentee(rel: RelationshipView) -> str:
    return (f":white_check_mark: You accepted <@{rel.mentor_id}>'s changes: "
            f"{rel.terms.summary(rel.invitation.meeting_format)}. Next: the expectations.")


def withdrawn_for_mentee(rel: RelationshipView) -> str:
    return f"You withdrew your invitation to <@{rel.mentor_id}>."


def undeliverable_for_mentee(rel: RelationshipView, reason: str) -> str:
    why = {"account_inactive": "their account is deactivated",
           "user_not_found": "Slack no longer knows them",
           "channel_not_found": "I can't open a conversation with them"}.get(
        reason, f"Slack refused the message ({reason})")
    return (f"I couldn't deliver your invitation to <@{rel.mentor_id}>: {why}. Nothing reached "
            "them and the invitation is withdrawn; your answers are saved for the next one.")


def status_lines(rels: list[RelationshipView], user_id: str) -> list[dict]:
    if not rels:
        return [section("You have no mentoring relationships yet. Start with `/mentor ready`.")]
    blocks: list[dict] = []
    for rel in rels[:20]:
        if rel.mentee_id == user_id:
            line = f"You → {mention(rel.mentor_id)} (your mentor): *{rel.state.value}*"
        else:
            line = f"{mention(rel.mentee_id)} → you (their mentor): *{rel.state.value}*"
        line += f" · {rel.terms.summary(rel.invitation.meeting_format)}"
        if rel.state is State.INVITED and rel.mentee_id == user_id:
            blocks.append(section(line, accessory=button(
                "Withdraw", ids.INVITE_WITHDRAW, str(rel.id))))
        else:
            blocks.append(section(line))
    return blocks

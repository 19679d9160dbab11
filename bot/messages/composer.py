"""The invitation composer: the six tips as a form, prefilled from readiness, and the one
warning about intentions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.domain.invitation import TEXT_LIMIT, Ask, Cadence, Invitation, MeetingFormat, Terms
from bot.messages import ids
from bot.messages.invitation import (
    CADENCE_OPTIONS,
    FORMAT_OPTIONS,
    MINUTE_OPTIONS,
    MONTH_OPTIONS,
)
from bot.messages.kit import (
    context,
    modal,
    option,
    radio_input,
    section,
    select_input,
    text_input,
)
from bot.services.readiness import Answers

ASK_OPTIONS = [
    option("A mentoring conversation: one session of 30 to 60 minutes, in the next month",
           Ask.CONVERSATION.value),
    option("A mentoring relationship: regular meetings over months", Ask.RELATIONSHIP.value),
]
LOGISTICS_PROMISE = (
    "I'll handle all the logistics: scheduling, calendar invitations, video links, "
    "the agenda, and any rescheduling."
)


DEFAULT_TERMS = Terms(Cadence.BIWEEKLY, 45, 6)


@dataclass(frozen=True)
class ComposerDefaults:
    mentor_id: str | None
    intro: str
    why_them: str
    reply_by: date
    terms: Terms = DEFAULT_TERMS
    meeting_format: MeetingFormat = MeetingFormat.VIDEO
    offer: str = ""
    handles_logistics: bool = False
    # Said once, above the form, when the ask reads as a job hunt; sending again sends it.
    warning: str = ""


# The composer's private_metadata once the mentee has seen the intentions warning.
INTENTIONS_SEEN = "intentions_seen"


def composer_again(mentor_id: str, invitation: Invitation, warning: str) -> ComposerDefaults:
    """The form as the mentee filled it, with the warning above it."""
    return ComposerDefaults(mentor_id, invitation.intro, invitation.why_them,
                            invitation.reply_by, invitation.terms, invitation.meeting_format,
                            invitation.offer, invitation.handles_logistics, warning)


def composer_defaults(mentor_id: str | None, answers: Answers | None,
                      reply_by: date) -> ComposerDefaults:
    intro = ""
    if answers:
        intro = f"My next career goal: {answers.next_goal}\nWhere I stand: {answers.strengths}"
    # Why this mentor is about this one: asked afresh in every invitation, never carried
    # over from another.
    return ComposerDefaults(mentor_id, intro[:TEXT_LIMIT], "", reply_by)


def relationship_after(mentor_id: str, conversation: Invitation, reply_by: date
                       ) -> ComposerDefaults:
    """Asking the same mentor for a relationship after one conversation: her words from
    then, for her to bring up to date; the structure is a relationship's."""
    return ComposerDefaults(mentor_id, conversation.intro, conversation.why_them, reply_by,
                            DEFAULT_TERMS, conversation.meeting_format, conversation.offer,
                            conversation.handles_logistics)


def invitation_again(mentor_id: str, before: Invitation, reply_by: date) -> ComposerDefaults:
    """Asking the same mentor again after a lapse: her words and terms from then, for her
    to bring up to date."""
    return ComposerDefaults(mentor_id, before.intro, before.why_them, reply_by, before.terms,
                            before.meeting_format, before.offer, before.handles_logistics)


def composer_modal(defaults: ComposerDefaults) -> dict:
    mentor_select: dict = {"type": "users_select", "action_id": ids.INVITE_MENTOR}
    if defaults.mentor_id:
        mentor_select["initial_user"] = defaults.mentor_id
    logistics: dict = {
        "type": "checkboxes",
        "action_id": ids.INVITE_LOGISTICS,
        "options": [option("I'll handle all logistics", "yes")],
    }
    if defaults.handles_logistics:
        logistics["initial_options"] = logistics["options"]
    warned = [section(f":warning: {defaults.warning} Reframe it, or press *Preview* again "
                      "to send it as it is.")] if defaults.warning else []
    blocks = [*warned,
        context("Six things make a mentor say yes: who you are and why them, a clear timeline, "
                "a meeting structure, a promise to handle logistics, time to consider, "
                "and something in return."),
        {"type": "input", "block_id": ids.INVITE_MENTOR, "label": {"type": "plain_text",
         "text": "Who would you like as a mentor?"}, "element": mentor_select},
        radio_input(ids.INVITE_ASK, "What are you asking for?", ASK_OPTIONS,
                    defaults.terms.ask.value,
                    hint="One conversation is a small ask and needs no agreement; a "
                         "relationship is worked out together."),
        text_input(ids.INVITE_INTRO, "Who you are and your career goal",
                   initial=defaults.intro,
                   placeholder="I'm a backend engineer on Payments; my goal is to lead a team"),
        text_input(ids.INVITE_WHY_THEM, "Why them: what you admire and hope to learn",
                   initial=defaults.why_them,
                   placeholder="Your talk on incident reviews changed how our team works..."),
        select_input(ids.INVITE_MONTHS, "Timeline (relationship)", MONTH_OPTIONS,
                     str(defaults.terms.months if not defaults.terms.conversation
                         else DEFAULT_TERMS.months),
                     hint="A clear end makes it easier to say yes. A conversation's is the "
                          "month after the yes."),
        select_input(ids.INVITE_CADENCE, "How often (relationship)", CADENCE_OPTIONS,
                     defaults.terms.cadence.value if not defaults.terms.conversation
                     else DEFAULT_TERMS.cadence.value),
        select_input(ids.INVITE_MINUTES, "Minutes per meeting", MINUTE_OPTIONS,
                     str(defaults.terms.minutes), hint="A conversation: 30 to 60."),
        radio_input(ids.INVITE_FORMAT, "Format", FORMAT_OPTIONS, defaults.meeting_format.value),
        {"type": "input", "block_id": ids.INVITE_LOGISTICS, "optional": True,
         "label": {"type": "plain_text", "text": "Logistics"}, "element": logistics,
         "hint": {"type": "plain_text", "text": LOGISTICS_PROMISE}},
        {"type": "input", "block_id": ids.INVITE_REPLY_BY,
         "label": {"type": "plain_text", "text": "Reply by"},
         "hint": {"type": "plain_text", "text": "Give them time to consider: a week is kind."},
         "element": {"type": "datepicker", "action_id": ids.INVITE_REPLY_BY,
                     "initial_date": defaults.reply_by.isoformat()}},
        text_input(ids.INVITE_OFFER, "What you offer in return", initial=defaults.offer,
                   placeholder="Notes from each session you can reuse with your own team"),
    ]
    return modal(ids.INVITE_COMPOSE_VIEW, "Invite a mentor", blocks, submit="Preview",
                 private_metadata=INTENTIONS_SEEN if defaults.warning else "")



"""Submissions of the invitation composer, its preview, the mentor's answers and the
mentee's follow-up: each reads the form, calls one flow and answers."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext
from slack_sdk.errors import SlackApiError

from bot.domain.errors import DomainError, InviteeRefused
from bot.domain.invitation import Ask, Cadence, Invitation, MeetingFormat, Terms, conversation_terms
from bot.flows import invitations
from bot.messages import ids
from bot.messages.composer import INTENTIONS_SEEN, composer_again, composer_modal
from bot.messages.invitation import preview_modal
from bot.messages.notice import notice_modal
from bot.messages.refusals import refusal_text
from handlers.budget import TRY_AGAIN, OverBudget, within
from handlers.context import deps_of, slack_of
from handlers.payload import Form, metadata_id, read_answer_context, values
from handlers.replies import submitted

NO_CHECK = "I couldn't check this person with Slack. Try again shortly."


def _terms(answered: Form) -> Terms:
    minutes = answered.number(ids.INVITE_MINUTES)
    if ids.INVITE_ASK in answered and answered.choice(ids.INVITE_ASK, Ask) is Ask.CONVERSATION:
        return conversation_terms(minutes)
    return Terms(answered.choice(ids.INVITE_CADENCE, Cadence), minutes,
                 answered.number(ids.INVITE_MONTHS))


def _invitation(answered: Form) -> Invitation:
    return Invitation(
        intro=answered.text(ids.INVITE_INTRO),
        why_them=answered.text(ids.INVITE_WHY_THEM),
        terms=_terms(answered),
        meeting_format=answered.choice(ids.INVITE_FORMAT, MeetingFormat),
        handles_logistics="yes" in (answered.get(ids.INVITE_LOGISTICS) or []),
        reply_by=answered.day(ids.INVITE_REPLY_BY),
        offer=answered.text(ids.INVITE_OFFER),
    )


def _profiles(deps, team_id: str, mentor_id: str, mentee_id: str):
    """His profile and her time zone (the preview's reply-by is the end of her day), asked
    of Slack within the ack's budget when unknown; or why they couldn't be."""
    now = deps.now()
    try:
        mentor, mentee_tz = within(deps.settings.ack_budget_seconds, lambda: (
            deps.directory.lookup(team_id, mentor_id, now),
            deps.directory.tz_of(team_id, mentee_id, now)))
        return mentor, mentee_tz, None
    except OverBudget:
        return None, None, TRY_AGAIN
    except SlackApiError:
        return None, None, NO_CHECK


def handle_compose(ack: Ack, view: dict, context: BoltContext) -> None:
    deps, answered = deps_of(context), values(view)
    mentor_id = str(answered[ids.INVITE_MENTOR])  # an id, checked at the edge
    invitation = _invitation(answered)
    mentor, mentee_tz, lookup_error = _profiles(deps, context.team_id, mentor_id,
                                                context.user_id)
    try:
        composed = invitations.compose(
            deps, context.team_id, context.user_id, mentor_id, invitation, mentor, mentee_tz,
            warned=view.get("private_metadata") == INTENTIONS_SEEN, lookup_error=lookup_error)
    except invitations.Refused as refused:
        ack(response_action="errors", errors=refused.errors)
        return
    if composed.draft is None:
        ack(response_action="update", view=composer_modal(composer_again(
            mentor_id, invitation, invitations.JOB_HUNT_WARNING)))
        return
    ack(response_action="push", view=preview_modal(composed.draft.id, mentor_id,
                                                   composed.preview))


def handle_preview(ack: Ack, view: dict, context: BoltContext) -> None:
    deps, team_id, mentee_id = deps_of(context), context.team_id, context.user_id
    try:
        sending = invitations.send_draft(deps, team_id, mentee_id, metadata_id(view),
                                         lambda work: within(deps.settings.ack_budget_seconds,
                                                             work))
    except InviteeRefused as refusal:
        ack(response_action="update", view=notice_modal("Not sent", refusal_text(refusal)))
        return
    except DomainError as refusal:
        ack(response_action="update", view=notice_modal("Not sent", str(refusal)))
        return
    except OverBudget:
        # Pushed over the preview: closing it goes back to the preview, to send again.
        ack(response_action="push", view=notice_modal("Not sent yet", TRY_AGAIN))
        return
    ack(response_action="clear")
    invitations.deliver(deps, slack_of(context), sending)


def handle_counter(ack: Ack, view: dict, context: BoltContext) -> None:
    answered = values(view)
    relationship_id, clicked_on = read_answer_context(view["private_metadata"])
    try:
        submitted(ack, ids.INVITE_CADENCE, lambda: invitations.suggest_changes(
            deps_of(context), slack_of(context), context.team_id, context.user_id,
            relationship_id, clicked_on, _terms(answered),
            answered.choice(ids.INVITE_FORMAT, MeetingFormat),
            answered.text(ids.COUNTER_NOTE), answer=ack))
    except invitations.Refused as refused:
        ack(response_action="errors", errors=refused.errors)


def handle_decline(ack: Ack, view: dict, context: BoltContext) -> None:
    relationship_id, clicked_on = read_answer_context(view["private_metadata"])
    submitted(ack, ids.DECLINE_REASON, lambda: invitations.decline(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        relationship_id, clicked_on, values(view).text(ids.DECLINE_REASON), answer=ack))


def handle_follow_up(ack: Ack, view: dict, context: BoltContext) -> None:
    words = values(view).text(ids.FOLLOW_UP_TEXT)
    if len(words.split()) < 3:
        ack(response_action="errors",
            errors={ids.FOLLOW_UP_TEXT: "A few words, please: they will read them as yours."})
        return
    relationship_id, clicked_on = read_answer_context(view["private_metadata"])
    submitted(ack, ids.FOLLOW_UP_TEXT, lambda: invitations.follow_up(
        deps_of(context), slack_of(context), context.team_id, context.user_id,
        relationship_id, words, clicked_on, answer=ack))

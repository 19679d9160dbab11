"""Submissions of the invitation composer, its preview, and the mentor's answers."""

from __future__ import annotations

import logging

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain import intentions
from bot.domain.errors import DomainError, InviteeRefused
from bot.domain.intentions import reads_as_job_hunt
from bot.domain.invitation import (
    Ask,
    Cadence,
    Invitation,
    MeetingFormat,
    Terms,
    conversation_terms,
    counter_problems,
    problems,
)
from bot.domain.relationship import Action
from bot.flows.dm import send_dm
from bot.flows.invitation_notices import tell_changes_suggested, tell_declined
from bot.flows.port import SlackPort
from bot.messages import ids
from bot.messages.composer import INTENTIONS_SEEN, composer_again, composer_modal
from bot.messages.invitation import (
    invitation_blocks,
    invitation_message,
    preview_modal,
    read_answer_context,
    sent_to_mentee,
    undeliverable_for_mentee,
)
from bot.messages.notice import notice_modal
from bot.messages.refusals import refusal_text
from bot.services import invitations, relationships
from bot.support.timefmt import end_of_day, local_today, when
from handlers.budget import TRY_AGAIN, OverBudget, within
from handlers.context import deps_of, slack_of
from handlers.payload import Form, metadata_id, values
from handlers.replies import attempt_submission

log = logging.getLogger(__name__)


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


def handle_compose(ack: Ack, view: dict, context: BoltContext) -> None:
    deps = deps_of(context)
    team_id, mentee_id, now = context.team_id, context.user_id, deps.now()
    answered = values(view)
    mentor_id = str(answered[ids.INVITE_MENTOR])  # an id, checked at the edge
    invitation = _invitation(answered)
    mentee = deps.directory.cached(team_id, mentee_id, now)
    errors = problems(invitation, local_today(now, mentee.tz if mentee else None))
    mentor = None
    try:
        mentor = within(deps.settings.ack_budget_seconds,
                        lambda: deps.directory.lookup(team_id, mentor_id, now))
        with deps.reader() as uow:
            invitations.check_invitee(uow, team_id, mentee_id, mentor_id, mentor,
                                      deps.settings.mentor_limit)
    except InviteeRefused as refusal:
        errors[ids.INVITE_MENTOR] = refusal_text(refusal)
    except OverBudget:
        errors[ids.INVITE_MENTOR] = TRY_AGAIN
    except SlackApiError:
        errors[ids.INVITE_MENTOR] = "I couldn't check this person with Slack. Try again shortly."
    if errors:
        ack(response_action="errors", errors=errors)
        return
    seen = view.get("private_metadata") == INTENTIONS_SEEN
    if not seen and reads_as_job_hunt(invitation.intro, invitation.why_them, invitation.offer):
        # Once, and never a refusal: the next Preview sends it as it is.
        ack(response_action="update", view=composer_modal(composer_again(
            mentor_id, invitation, intentions.WHY)))
        return
    with deps.uow() as uow:
        draft = invitations.save_draft(uow, team_id, mentee_id, mentor_id, invitation, now)
    reply_by_at = end_of_day(invitation.reply_by, mentee.tz if mentee else None)
    preview = invitation_blocks(mentee_id, invitation, when(reply_by_at, mentor.tz))
    ack(response_action="push", view=preview_modal(draft.id, mentor_id, preview))


def handle_preview(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    team_id, mentee_id, now = context.team_id, context.user_id, deps.now()
    draft_id = metadata_id(view)
    try:
        with deps.reader() as uow:
            draft = invitations.load_draft(uow, team_id, mentee_id, draft_id)
        mentor, mentee_tz = within(deps.settings.ack_budget_seconds, lambda: (
            deps.directory.lookup(team_id, draft.mentor_id, now),
            deps.directory.tz_of(team_id, mentee_id, now)))
        with deps.uow() as uow:
            rel = invitations.send(uow, team_id, mentee_id, draft_id, mentee_tz, mentor,
                                   deps.settings.mentor_limit, now, deps.timing)
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
    try:
        slack = slack_of(context)
        ref = send_dm(slack, rel.mentor_id, f"<@{mentee_id}> invites you to mentor them",
                      invitation_message(rel, mentor.tz))
    except SlackApiError as error:
        _undeliverable(slack, deps, rel, error.response.get("error", "unknown"))
        return
    with deps.uow() as uow:
        invitations.remember_messages(uow, rel.id, mentor=ref)
    send_dm(slack, mentee_id, "Your invitation is on its way", sent_to_mentee(rel, mentee_tz))


def _undeliverable(slack: SlackPort, deps, rel: relationships.RelationshipView,
                   reason: str) -> None:
    """Slack refused the mentor's DM: take the invitation back for the mentee, and say so."""
    log.warning("relationship %s: invitation not delivered (%s)", rel.id, reason)
    with deps.uow() as uow:
        invitations.act(uow, rel.team_id, rel.id, rel.mentee_id, Action.WITHDRAW, deps.now(),
                        timing=deps.timing)
    send_dm(slack, rel.mentee_id, undeliverable_for_mentee(rel, reason))


def handle_counter(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    team_id, mentor_id, now = context.team_id, context.user_id, deps.now()
    answered = values(view)
    proposed = _terms(answered)
    relationship_id, clicked = read_answer_context(view["private_metadata"])
    try:
        with deps.reader() as uow:
            current = relationships.get(uow, team_id, relationship_id, mentor_id)
        proposed_format = answered.choice(ids.INVITE_FORMAT, MeetingFormat)
        errors = counter_problems(current.terms, proposed, current.invitation.meeting_format,
                                  proposed_format)
        if errors:
            ack(response_action="errors", errors=errors)
            return
        changed_format = proposed_format if \
            proposed_format is not current.invitation.meeting_format else None
        with deps.uow() as uow:
            rel = invitations.act(uow, team_id, relationship_id, mentor_id,
                                  Action.SUGGEST_CHANGES, now, counter=proposed,
                                  counter_format=changed_format,
                                  note=answered.text(ids.COUNTER_NOTE),
                                  timing=deps.timing)
    except DomainError as refusal:
        ack(response_action="errors", errors={ids.INVITE_CADENCE: str(refusal)})
        return
    ack()
    tell_changes_suggested(slack_of(context), deps, rel, clicked)


def handle_decline(ack: Ack, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    reason = values(view).text(ids.DECLINE_REASON)
    relationship_id, clicked = read_answer_context(view["private_metadata"])
    rel = attempt_submission(deps, ack, ids.DECLINE_REASON, lambda uow: invitations.act(
        uow, context.team_id, relationship_id, context.user_id, Action.DECLINE, deps.now(),
        note=reason, timing=deps.timing))
    if rel is None:
        return
    ack()
    tell_declined(slack_of(context), deps, rel, clicked)

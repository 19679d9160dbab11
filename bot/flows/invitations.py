"""An invitation's use cases, each whole: the change in one unit of work, then who is
told what. Listeners parse the request, call one of these and answer; a refusal comes
back as a DomainError for them to show."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from slack_sdk.errors import SlackApiError

from bot.domain import intentions
from bot.domain.errors import InviteeRefused
from bot.domain.intentions import reads_as_job_hunt
from bot.domain.invitation import Invitation, MeetingFormat, Terms, counter_problems, problems
from bot.domain.relationship import Action
from bot.flows import invitation_notices as tell
from bot.flows.deps import Deps
from bot.flows.dm import send_dm, update_dm
from bot.flows.port import SlackPort
from bot.messages import ids
from bot.messages.agreement import agreement_prompt
from bot.messages.follow_ups import follow_up_in_her_words, follow_up_sent
from bot.messages.invitation import (
    counter_accepted_for_mentee,
    invitation_blocks,
    invitation_message,
    sent_to_mentee,
    undeliverable_for_mentee,
    withdrawn_for_mentee,
)
from bot.messages.kit import section
from bot.messages.refusals import refusal_text
from bot.services import invitations, nudges, relationships
from bot.services.invitations import Draft
from bot.services.people import Profile
from bot.services.relationships import MessageRef, RelationshipView
from bot.support.timefmt import end_of_day, local_today, when

log = logging.getLogger(__name__)
T = TypeVar("T")
# The listener's answer to Slack, given once the change is committed and before anyone is
# told: Slack waits on it, the people don't.
Answer = Callable[[], None]
# What replaces the message the person clicked (text, blocks): wherever it lives, which the
# listener knows.
Shown = Callable[[str, list[dict] | None], None]


class Refused(Exception):
    """The form has problems: `errors` maps each field to what to fix."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class Composed:
    """A composer's answer that passed: its draft and the preview, or (draft None) the one
    warning to show first."""

    mentor_id: str
    invitation: Invitation
    draft: Draft | None = None
    preview: list[dict] | None = None


def compose(deps: Deps, team_id: str, mentee_id: str, mentor_id: str,
            invitation: Invitation, mentor: Profile | None, mentee_tz: str | None, *,
            warned: bool, lookup_error: str | None = None) -> Composed:
    """Check the composer's invitation and who it is for, and keep it as a draft to
    preview, its dates in her time zone. Raises Refused with every inline error at once."""
    now = deps.now()
    errors = problems(invitation, local_today(now, mentee_tz))
    if lookup_error is not None:
        errors[ids.INVITE_MENTOR] = lookup_error
    else:
        try:
            with deps.reader() as uow:
                invitations.check_invitee(uow, team_id, mentee_id, mentor_id, mentor,
                                          deps.settings.mentor_limit)
        except InviteeRefused as refusal:
            errors[ids.INVITE_MENTOR] = refusal_text(refusal)
    if errors:
        raise Refused(errors)
    if not warned and reads_as_job_hunt(invitation.intro, invitation.why_them,
                                        invitation.offer):
        return Composed(mentor_id, invitation)  # once, and never a refusal
    with deps.uow() as uow:
        draft = invitations.save_draft(uow, team_id, mentee_id, mentor_id, invitation, now)
    reply_by = when(end_of_day(invitation.reply_by, mentee_tz), mentor.tz)
    return Composed(mentor_id, invitation, draft,
                    invitation_blocks(mentee_id, invitation, reply_by))


JOB_HUNT_WARNING = intentions.WHY


@dataclass(frozen=True)
class Sending:
    relationship: RelationshipView
    mentor: Profile
    mentee_tz: str


def send_draft(deps: Deps, team_id: str, mentee_id: str, draft_id: int,
               within_budget: Callable[[Callable[[], T]], T]) -> Sending:
    """The previewed draft becomes an invitation (refusals as DomainError). The two
    profiles it needs are read `within_budget`: the person is waiting on the answer."""
    now = deps.now()
    with deps.reader() as uow:
        draft = invitations.load_draft(uow, team_id, mentee_id, draft_id)
    mentor, mentee_tz = within_budget(lambda: (
        deps.directory.lookup(team_id, draft.mentor_id, now),
        deps.directory.tz_of(team_id, mentee_id, now)))
    with deps.uow() as uow:
        rel = invitations.send(uow, team_id, mentee_id, draft_id, mentee_tz, mentor,
                               deps.settings.mentor_limit, now, deps.timing)
    return Sending(rel, mentor, mentee_tz)


def deliver(deps: Deps, slack: SlackPort, sending: Sending) -> None:
    """After the ack: the invitation to the mentor, then her confirmation. When Slack
    refuses his DM, the invitation is taken back for her, and she is told why."""
    rel = sending.relationship
    try:
        ref = send_dm(slack, rel.mentor_id, f"<@{rel.mentee_id}> invites you to mentor them",
                      invitation_message(rel, sending.mentor.tz))
    except SlackApiError as error:
        reason = error.response.get("error", "unknown")
        log.warning("relationship %s: invitation not delivered (%s)", rel.id, reason)
        with deps.uow() as uow:
            invitations.act(uow, rel.team_id, rel.id, rel.mentee_id, Action.WITHDRAW,
                            deps.now(), timing=deps.timing)
        send_dm(slack, rel.mentee_id, undeliverable_for_mentee(rel, reason))
        return
    with deps.uow() as uow:
        invitations.remember_messages(uow, rel.id, mentor=ref)
    send_dm(slack, rel.mentee_id, "Your invitation is on its way",
            sent_to_mentee(rel, sending.mentee_tz))


def _act(deps: Deps, team_id: str, user_id: str, relationship_id: int, action: Action, *,
         counter: Terms | None = None, counter_format: MeetingFormat | None = None,
         note: str | None = None) -> tuple[RelationshipView, object]:
    with deps.uow() as uow:
        rel = invitations.act(uow, team_id, relationship_id, user_id, action, deps.now(),
                              counter=counter, counter_format=counter_format, note=note,
                              timing=deps.timing)
        # A conversation is to be booked within its month: read in the same unit of work.
        book_by = nudges.timeline_of(uow, rel.id) if rel.terms.conversation else None
    return rel, book_by


def accept(deps: Deps, slack: SlackPort, team_id: str, mentor_id: str, relationship_id: int,
           clicked: MessageRef | None) -> None:
    rel, book_by = _act(deps, team_id, mentor_id, relationship_id, Action.ACCEPT)
    tell.accepted(slack, deps, rel, clicked, book_by)


def suggest_changes(deps: Deps, slack: SlackPort, team_id: str, mentor_id: str,
                    relationship_id: int, clicked: MessageRef | None, proposed: Terms,
                    proposed_format: MeetingFormat, note: str, answer: Answer) -> None:
    """His counter-proposal (Refused when it changes nothing or offers what isn't)."""
    with deps.reader() as uow:
        current = relationships.get(uow, team_id, relationship_id, mentor_id)
    asked_format = current.invitation.meeting_format
    errors = counter_problems(current.terms, proposed, asked_format, proposed_format)
    if errors:
        raise Refused(errors)
    rel, _ = _act(deps, team_id, mentor_id, relationship_id, Action.SUGGEST_CHANGES,
                  counter=proposed, note=note,
                  counter_format=proposed_format if proposed_format is not asked_format
                  else None)
    answer()
    tell.changes_suggested(slack, deps, rel, clicked)


def accept_counter(deps: Deps, slack: SlackPort, team_id: str, mentee_id: str,
                   relationship_id: int, show: Shown) -> None:
    """`show` puts what happened in place of the message she clicked, first."""
    rel, _ = _act(deps, team_id, mentee_id, relationship_id, Action.ACCEPT_COUNTER)
    text = counter_accepted_for_mentee(rel)
    show(text, agreement_prompt(rel, text))
    tell.changes_accepted(slack, deps, rel)


def decline(deps: Deps, slack: SlackPort, team_id: str, mentor_id: str, relationship_id: int,
            clicked: MessageRef | None, reason: str, answer: Answer) -> None:
    rel, _ = _act(deps, team_id, mentor_id, relationship_id, Action.DECLINE, note=reason)
    answer()
    tell.declined(slack, deps, rel, clicked)


def withdraw(deps: Deps, slack: SlackPort, team_id: str, mentee_id: str,
             relationship_id: int, show: Shown) -> None:
    rel, _ = _act(deps, team_id, mentee_id, relationship_id, Action.WITHDRAW)
    show(withdrawn_for_mentee(rel), None)
    tell.withdrawn(slack, deps, rel)


def follow_up(deps: Deps, slack: SlackPort, team_id: str, mentee_id: str,
              relationship_id: int, words: str, clicked: MessageRef | None,
              answer: Answer) -> None:
    """Her one follow-up, in her words, with the invitation's buttons; the nudge she
    clicked says it went."""
    with deps.uow() as uow:
        rel = invitations.record_follow_up(uow, team_id, relationship_id, mentee_id, words,
                                           deps.now())
    answer()
    sent = send_dm(slack, rel.mentor_id, *follow_up_in_her_words(rel, words))
    with deps.uow() as uow:
        invitations.remember_messages(uow, rel.id, follow_up=sent)
    if clicked is not None:
        update_dm(slack, clicked, follow_up_sent(rel), [section(follow_up_sent(rel))])

"""A nudge that came due, once the dispatcher has decided it goes now: what its message is
built from, the transition it makes (an expiry, a lapse, a conversation closed), and the
DM itself, tagged so a dispatcher that died after sending finds it instead of resending.
The dispatcher keeps the outbox's books and classifies Slack's refusals."""

from __future__ import annotations

from datetime import datetime

from bot.domain.nudges import Need
from bot.domain.relationship import State
from bot.flows import invitation_notices
from bot.flows.deps import Deps
from bot.flows.dm import send_dm
from bot.flows.meeting_notices import cancel_calendars
from bot.flows.port import SlackPort
from bot.messages.nudges import MESSAGES, NudgeInput
from bot.services import agreements, closing, invitations, meetings, relationships
from bot.services.nudges import Claimed
from bot.services.relationships import MessageRef


def send(deps: Deps, slack: SlackPort, nudge: Claimed, tz: str, now: datetime) -> MessageRef:
    """Its transition first, if it makes one; then its message, read as it is now."""
    if nudge.kind.acts is not None:
        act(deps, slack, nudge, now)
    text, blocks = MESSAGES[nudge.kind](inputs(deps, nudge, tz, now))
    return send_dm(slack, nudge.recipient_id, text, blocks, nudge_id=nudge.id)


def inputs(deps: Deps, nudge: Claimed, tz: str, now: datetime) -> NudgeInput:
    """What the kind's message is built from, read as it declares."""
    needs = nudge.kind.needs
    with deps.reader() as uow:
        meeting = (meetings.get(uow, nudge.team_id, nudge.subject.meeting_id,
                                nudge.recipient_id) if Need.MEETING in needs else None)
        rel = meeting.relationship if meeting is not None else relationships.get(
            uow, nudge.team_id, nudge.relationship_id, nudge.recipient_id)
        agreement = (agreements.in_force(uow, nudge.team_id, nudge.relationship_id,
                                         nudge.recipient_id) if Need.AGREEMENT in needs else None)
        tip = (meetings.connection_tip(uow, meeting, nudge.recipient_id)
               if Need.CONNECTION_TIP in needs and meeting is not None else None)
        stretch = (closing.stretch(uow, nudge.team_id, nudge.relationship_id, now, deps.timing)
                   if Need.GAP in needs else None)
    other_tz = None
    if Need.OTHER_TZ in needs:
        other = rel.mentor_id if nudge.recipient_id == rel.mentee_id else rel.mentee_id
        other_tz = deps.directory.tz_of(nudge.team_id, other, now)
    return NudgeInput(nudge.recipient_id, tz, rel, meeting, agreement, other_tz, tip, stretch)


def act(deps: Deps, slack: SlackPort, nudge: Claimed, now: datetime) -> None:
    """A kind that acts (the expiry, a lapse, a conversation closing) moves the relationship
    as mentorbot, then the people are told; a crash after the move is finished by the next
    claim, which only tells. Each is checked again under the relationship's lock: whatever
    came first (a booking, a decision) wins, and the nudge is dropped."""
    action = nudge.kind.acts
    if action in closing.CLOSES:
        with deps.uow() as uow:
            ended = closing.CLOSES[action](uow, nudge.team_id, nudge.relationship_id,
                                           nudge.subject, now, deps.timing)
        # Each person hears of it from a nudge of their own; the calendars from here.
        cancel_calendars(deps, slack, ended)
        return
    if nudge.state is State.INVITED:
        with deps.uow() as uow:
            rel = invitations.act(uow, nudge.team_id, nudge.relationship_id,
                                  relationships.SYSTEM_ACTOR, action, now, timing=deps.timing)
    else:
        with deps.reader() as uow:
            rel = relationships.get(uow, nudge.team_id, nudge.relationship_id,
                                    nudge.recipient_id)
    invitation_notices.expired(slack, deps, rel)

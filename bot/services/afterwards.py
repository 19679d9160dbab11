"""After a meeting: the mentee's log, her private takeaways and check-in, and her thanks.
One mentoring conversation, held and thanked for, is complete by it."""

from __future__ import annotations

from datetime import datetime

from bot.db import models
from bot.db.uow import UnitOfWork
from bot.domain.connection import Shared, asked_after
from bot.domain.errors import AlreadyDone, IllegalTransition
from bot.domain.meetings import MeetingStatus
from bot.domain.nudges import DEFAULT_TIMING, Timing
from bot.domain.relationship import Role, State
from bot.services import endings, nudges, relationships
from bot.services.meeting_records import MeetingView, get, view_of


def log_afterwards(uow: UnitOfWork, team_id: str, meeting_id: int, mentee_id: str, held: bool,
                   takeaways: str, thanks: str, now: datetime,
                   timing: Timing = DEFAULT_TIMING, shared: Shared | None = None,
                   summary: str = "") -> MeetingView:
    """The mentee logs the meeting (held or not), keeps takeaways and her check-in for
    herself, and may send thanks and a summary for them both, each once. Only the mentee
    is ever asked; the mentor logs nothing."""
    meeting = get(uow, team_id, meeting_id, mentee_id)
    if meeting.relationship.role_of(mentee_id) is not Role.MENTEE:
        raise IllegalTransition("Only the mentee logs a meeting.")
    row = uow.session.get(models.Meeting, meeting_id)
    if row.status == MeetingStatus.CANCELLED or row.starts_at > now:
        raise IllegalTransition("You can log a meeting once it has taken place.")
    if thanks and row.thanks_sent_at is not None:
        raise AlreadyDone("Done already: your thanks reached them.")
    if summary and row.summary_shared_at is not None:
        raise AlreadyDone("Done already: your summary is in your conversation.")
    if row.logged_at is None:
        row.status = MeetingStatus.HELD if held else MeetingStatus.MISSED
        row.logged_at = now
    if takeaways:
        row.takeaways = takeaways
    if shared is not None and held and asked_after(meeting.ordinal):
        row.shared_something_real = shared.value
    if thanks:
        row.thanks_sent_at = now
    if summary:
        row.summary, row.summary_shared_at = summary, now
    rel = uow.session.get(models.Relationship, row.relationship_id)
    if meeting.relationship.terms.conversation and row.status == MeetingStatus.HELD \
            and row.thanks_sent_at is not None and rel.state == State.ACTIVE.value:
        # The one conversation, held and thanked for: that thanks was the last word.
        endings.complete(uow, team_id, rel.id, mentee_id, "", thanks, now, timing)
        return view_of(row, relationships.view_of(rel))
    nudges.replan(uow, rel, timing)
    uow.commit()
    return view_of(row, meeting.relationship)

"""What each nudge achieved: did the step it asked for follow it?

Read after the fact from timestamps the app keeps anyway, so it costs nothing while the
app runs and never reads anyone's words. Each kind declares what counts
(`NudgeKind.followed`); this reads the trail it is judged on.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from bot.db import models
from bot.db.uow import UnitOfWork
from bot.domain.meetings import MeetingStatus
from bot.domain.nudges import MeetingTrail, NudgeKind, NudgeStatus, Subject, Trail, named


@dataclass(frozen=True)
class Effect:
    kind: NudgeKind
    asked_for: str
    sent: int
    followed: int


def effects(uow: UnitOfWork, team_id: str) -> list[Effect]:
    N = models.Nudge
    tally: dict[NudgeKind, list[int]] = {}
    sent = select(N).where(N.team_id == team_id, N.status == NudgeStatus.SENT)
    for nudge in uow.session.scalars(sent.order_by(N.sent_at)):
        kind = named(nudge.kind)
        if kind.followed is None:
            continue
        counts = tally.setdefault(kind, [0, 0])
        counts[0] += 1
        counts[1] += kind.followed(trail_of(uow, nudge))
    return [Effect(kind, kind.asked_for or "", sent, followed)
            for kind, (sent, followed) in tally.items()]


def trail_of(uow: UnitOfWork, nudge: models.Nudge) -> Trail:
    rel = uow.session.get(models.Relationship, nudge.relationship_id)
    subject = Subject(nudge.subject)
    A, M = models.AgreementVersion, models.Meeting
    written_after = uow.session.scalars(select(A.id).where(
        A.relationship_id == rel.id, A.created_at >= nudge.sent_at)).first() is not None
    booked_after = uow.session.scalars(select(M.id).where(
        M.relationship_id == rel.id, M.created_at >= nudge.sent_at)).first() is not None
    confirmed = None
    if subject.about_version:
        confirmed = uow.session.scalars(select(A.mentor_confirmed_at).where(
            A.relationship_id == rel.id, A.version == subject.version)).first()
    meeting = MeetingTrail()
    if subject.about_meeting:
        row = uow.session.get(M, subject.meeting_id)
        meeting = MeetingTrail(
            row.agenda_sent_at, row.logistics_confirmed_at,
            row.logged_at if row.status == MeetingStatus.HELD else None, row.thanks_sent_at)
    return Trail(nudge.sent_at, answered_at=rel.agreed_at or rel.declined_at,
                 completed_at=rel.completed_at, agreement_written_after=written_after,
                 version_confirmed_at=confirmed, meeting=meeting,
                 meeting_booked_after=booked_after)

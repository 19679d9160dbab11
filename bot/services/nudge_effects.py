"""What each nudge achieved: did the step it asked for follow it?

Read after the fact from timestamps the app keeps anyway, so it costs nothing while the
app runs and never reads anyone's words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from bot.db import models
from bot.db.uow import UnitOfWork
from bot.domain.meetings import MeetingStatus
from bot.domain.nudges import Kind, NudgeStatus


@dataclass(frozen=True)
class Effect:
    kind: Kind
    asked_for: str
    sent: int
    followed: int


def _after(stamp: datetime | None, sent_at: datetime) -> bool:
    return stamp is not None and stamp >= sent_at


def _meeting(check: Callable[[models.Meeting], datetime | None]):
    def followed(uow: UnitOfWork, nudge: models.Nudge) -> bool:
        meeting_id = int(nudge.subject.split(":")[1])
        return _after(check(uow.session.get(models.Meeting, meeting_id)), nudge.sent_at)
    return followed


def _booked_or_closed(uow: UnitOfWork, nudge: models.Nudge) -> bool:
    M = models.Meeting
    rel = uow.session.get(models.Relationship, nudge.relationship_id)
    booked = uow.session.scalars(select(M.id).where(M.relationship_id == rel.id,
                                                    M.created_at >= nudge.sent_at)).first()
    return booked is not None or _after(rel.completed_at, nudge.sent_at)


def _completed_or_continued(uow: UnitOfWork, nudge: models.Nudge) -> bool:
    rel = uow.session.get(models.Relationship, nudge.relationship_id)
    A = models.AgreementVersion
    extended = uow.session.scalars(select(A.id).where(A.relationship_id == rel.id,
                                                      A.created_at >= nudge.sent_at)).first()
    return extended is not None or _after(rel.completed_at, nudge.sent_at)


def _agreement_sent(uow: UnitOfWork, nudge: models.Nudge) -> bool:
    A = models.AgreementVersion
    return uow.session.scalars(select(A.id).where(
        A.relationship_id == nudge.relationship_id, A.created_at >= nudge.sent_at)).first() \
        is not None


def _confirmed_by_mentor(uow: UnitOfWork, nudge: models.Nudge) -> bool:
    """The version the reminder was about ("agreement:v<n>") got the mentor's yes."""
    A = models.AgreementVersion
    number = int(nudge.subject.rsplit(":v", 1)[1])
    confirmed = uow.session.scalars(select(A.mentor_confirmed_at).where(
        A.relationship_id == nudge.relationship_id, A.version == number)).first()
    return _after(confirmed, nudge.sent_at)


def _answered(uow: UnitOfWork, nudge: models.Nudge) -> bool:
    rel = uow.session.get(models.Relationship, nudge.relationship_id)
    return _after(rel.agreed_at or rel.declined_at, nudge.sent_at)


def _held(meeting: models.Meeting) -> datetime | None:
    return meeting.logged_at if meeting.status == MeetingStatus.HELD else None


EFFECTS: dict[Kind, tuple[str, Callable[[UnitOfWork, models.Nudge], bool]]] = {
    Kind.REPLY_BY_CHECK: ("the mentor answered", _answered),
    Kind.AGREEMENT_NOT_SENT: ("the agreement was sent", _agreement_sent),
    Kind.AGREEMENT_UNCONFIRMED: ("the mentor confirmed", _confirmed_by_mentor),
    Kind.AGENDA_DUE: ("the agenda was sent", _meeting(lambda m: m.agenda_sent_at)),
    Kind.AGENDA_LAST_CALL: ("the agenda was sent", _meeting(lambda m: m.agenda_sent_at)),
    Kind.LOGISTICS_CHECK: ("logistics confirmed", _meeting(lambda m: m.logistics_confirmed_at)),
    Kind.MENTOR_BRIEFING: ("the meeting was held", _meeting(_held)),
    Kind.STARTING_SOON_MENTEE: ("the meeting was held", _meeting(_held)),
    Kind.STARTING_SOON_MENTOR: ("the meeting was held", _meeting(_held)),
    Kind.AFTER_MEETING: ("logged and thanked", _meeting(lambda m: m.thanks_sent_at)),
    Kind.THANKS_REMINDER: ("the mentor was thanked", _meeting(lambda m: m.thanks_sent_at)),
    Kind.KEEP_RHYTHM: ("a meeting was booked or the mentoring closed", _booked_or_closed),
    Kind.FINAL_SESSION: ("completed or continued", _completed_or_continued),
}


def effects(uow: UnitOfWork, team_id: str) -> list[Effect]:
    N = models.Nudge
    tally: dict[Kind, list[int]] = {}
    sent = select(N).where(N.team_id == team_id, N.status == NudgeStatus.SENT)
    for nudge in uow.session.scalars(sent.order_by(N.sent_at)):
        kind = Kind(nudge.kind)
        if kind not in EFFECTS:
            continue
        counts = tally.setdefault(kind, [0, 0])
        counts[0] += 1
        counts[1] += EFFECTS[kind][1](uow, nudge)
    return [Effect(kind, EFFECTS[kind][0], sent, followed)
            for kind, (sent, followed) in tally.items()]

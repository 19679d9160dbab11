"""A mentor's usual times: kept as he would say them, in the zone he had then, and the free
slots inside them for a relationship's next meeting. Only the mentees he has accepted are
ever offered them (see bot/flows/meeting_forms.py); `/mentor find` never shows them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select

from bot.db import models
from bot.db.uow import UnitOfWork
from bot.domain.errors import DomainError
from bot.domain.meetings import HER_DAY, MeetingStatus, bookable_before
from bot.domain.usual_times import Window, describe, free_slots, overlaps, parse
from bot.services import nudges
from bot.services.relationships import RelationshipView

DEFAULT_NOTICE_HOURS = 24


class SlotTaken(DomainError):
    """The slot she picked was booked meanwhile; `free` are the slots free now, the next
    one first."""

    def __init__(self, taken: datetime, free: list[datetime]) -> None:
        super().__init__("That time was booked meanwhile.")
        self.taken, self.free = taken, free


def windows_of(uow: UnitOfWork, team_id: str, user_id: str) -> tuple[Window, ...]:
    row = uow.session.get(models.UsualTimes, (team_id, user_id))
    return parse(row.windows) if row is not None else ()


def said(uow: UnitOfWork, team_id: str, user_id: str) -> str:
    """His windows as he would say them, to prefill a form ("" when none)."""
    return describe(windows_of(uow, team_id, user_id))


def save(uow: UnitOfWork, team_id: str, user_id: str, typed: str, tz: str,
         now: datetime) -> tuple[Window, ...]:
    """Keep what he typed (raises WindowsRefused with what to fix); empty text forgets
    them. The caller commits, with whatever else the form saves."""
    windows = parse(typed)
    row = uow.session.get(models.UsualTimes, (team_id, user_id))
    if not windows:
        if row is not None:
            uow.session.delete(row)
        return windows
    if row is None:
        row = models.UsualTimes(team_id=team_id, user_id=user_id)
        uow.session.add(row)
    row.windows, row.tz, row.updated_at = describe(windows), tz, now
    return windows


def busy(uow: UnitOfWork, team_id: str, people: tuple[str, ...], but: int | None = None
         ) -> list[tuple[datetime, datetime]]:
    """The meetings ahead of any of `people`, in any of their relationships."""
    M, R = models.Meeting, models.Relationship
    rows = uow.session.execute(
        select(M.id, M.starts_at, M.minutes).join(R, R.id == M.relationship_id).where(
            M.team_id == team_id, M.status == MeetingStatus.SCHEDULED,
            or_(R.mentor_id.in_(people), R.mentee_id.in_(people))))
    return [(start, start + timedelta(minutes=minutes)) for meeting_id, start, minutes in rows
            if meeting_id != but]


@dataclass(frozen=True)
class Booking:
    """What the offered slots are for: the pair, how long, and the meeting moved (if any):
    its own time is not offered again, and a new time may overlap it."""

    rel: RelationshipView
    minutes: int
    his_zone: ZoneInfo
    her_zone: ZoneInfo
    moving: int | None = None


def offered(uow: UnitOfWork, booking: Booking, now: datetime) -> list[datetime]:
    """The next free slots inside his windows for this pair: after the agreed notice,
    within the timeline, in her waking day, and clear of both people's meetings."""
    rel = booking.rel
    windows = windows_of(uow, rel.team_id, rel.mentor_id)
    if not windows:
        return []
    row = uow.session.get(models.Relationship, rel.id)
    notice = timedelta(hours=row.reschedule_notice_hours or DEFAULT_NOTICE_HOURS)
    before = bookable_before(now, nudges.timeline_end(row),
                             conversation=rel.terms.conversation)
    taken = busy(uow, rel.team_id, (rel.mentor_id, rel.mentee_id))

    def in_her_day(start: datetime) -> bool:
        return HER_DAY[0] <= start.astimezone(booking.her_zone).time() < HER_DAY[1]

    return free_slots(windows, booking.his_zone, booking.minutes, now + notice, taken,
                      before=before, suits=in_her_day)


def still_free(uow: UnitOfWork, booking: Booking, start: datetime, now: datetime) -> None:
    """Raises SlotTaken, with the slots free now, when `start` overlaps a meeting booked
    since the form offered it."""
    rel = booking.rel
    taken = busy(uow, rel.team_id, (rel.mentor_id, rel.mentee_id), but=booking.moving)
    if overlaps(start, timedelta(minutes=booking.minutes), taken):
        raise SlotTaken(start, offered(uow, booking, now))


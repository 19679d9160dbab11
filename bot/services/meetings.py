"""Scheduling the pair's meetings."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select, update

from bot.db import models
from bot.db.changes import mark_changed
from bot.db.uow import UnitOfWork
from bot.domain.errors import AlreadyDone, Ambiguous, IllegalTransition
from bot.domain.meetings import MeetingPlan, MeetingStatus, problems
from bot.domain.nudges import DEFAULT_TIMING, Timing
from bot.domain.nudges.meeting import MENTOR_BRIEFING
from bot.domain.nudges.subjects import Subject
from bot.domain.relationship import Role, State
from bot.services import closing, nudges, relationships
from bot.services.meeting_records import (
    CANCELLED,
    Agenda,
    MeetingView,
    Moved,
    clicked,
    connection_tip,
    get,
    still_current,
    view_of,
)
from bot.services.relationships import MessageRef, RelationshipView

__all__ = ["CANCELLED", "Agenda", "MeetingView", "Moved", "clicked", "connection_tip", "get",
           "still_current"]


class Refused(Exception):
    """The plan has problems; `errors` maps each field to what to fix."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(errors))
        self.errors = errors


def schedulable(uow: UnitOfWork, team_id: str, mentee_id: str, *,
                relationship_id: int | None = None, other_id: str | None = None
                ) -> RelationshipView:
    """The mentee's active relationship to schedule in: the one given, the one with the
    person named, or the only one. Refusals say what to do; several is Ambiguous."""
    if relationship_id is not None:
        relationships.get_still_open(uow, team_id, relationship_id, mentee_id)
    choices = [rel for rel in relationships.of_person(uow, team_id, mentee_id)
               if rel.state is State.ACTIVE and rel.role_of(mentee_id) is Role.MENTEE
               and relationship_id in (None, rel.id) and other_id in (None, rel.mentor_id)]
    if not choices:
        with_whom = f" with <@{other_id}>" if other_id else ""
        raise IllegalTransition(f"You have no active mentoring relationship as a mentee"
                                f"{with_whom}: the mentee schedules, once the expectations "
                                "are confirmed.")
    if len(choices) > 1:
        raise Ambiguous("schedule", choices)
    return choices[0]


def next_booked(uow: UnitOfWork, relationship_id: int, now: datetime) -> datetime | None:
    """When the next meeting ahead starts, if one is booked."""
    M = models.Meeting
    return uow.session.scalar(select(M.starts_at).where(
        M.relationship_id == relationship_id, M.status == MeetingStatus.SCHEDULED,
        M.starts_at > now).order_by(M.starts_at).limit(1))


def _others(uow: UnitOfWork, relationship_id: int, but: int | None = None
            ) -> list[tuple[datetime, datetime]]:
    M = models.Meeting
    return [(m.starts_at, m.starts_at + timedelta(minutes=m.minutes)) for m in
            uow.session.scalars(select(M).where(M.relationship_id == relationship_id,
                                                M.status == MeetingStatus.SCHEDULED))
            if m.id != but]


def schedule(uow: UnitOfWork, team_id: str, relationship_id: int, mentee_id: str,
             plan: MeetingPlan, now: datetime, timing: Timing = DEFAULT_TIMING
             ) -> MeetingView:
    # A lapse coming due at this moment waits, then sees the booking and gives way.
    closing.lock(uow, relationship_id)
    rel = relationships.get(uow, team_id, relationship_id, mentee_id)
    if rel.role_of(mentee_id) is not Role.MENTEE or rel.state is not State.ACTIVE:
        raise IllegalTransition("Only the mentee schedules, in an active relationship.")
    M = models.Meeting
    if rel.terms.conversation and uow.session.scalar(select(M.id).where(
            M.relationship_id == relationship_id,
            M.status.in_((MeetingStatus.SCHEDULED, MeetingStatus.HELD))).limit(1)):
        raise IllegalTransition("Your mentoring conversation is booked already: move it from "
                                "its message if you need another time.")
    others = _others(uow, relationship_id)
    found = problems(plan, now, nudges.timeline_of(uow, relationship_id), others,
                     conversation=rel.terms.conversation)
    if found:
        raise Refused(found)
    row = M(team_id=team_id, relationship_id=relationship_id, starts_at=plan.starts_at,
            minutes=plan.minutes, meeting_format=plan.meeting_format.value,
            link=plan.link or None, place=plan.place or None, status=MeetingStatus.SCHEDULED,
            uid=f"{uuid.uuid4()}@mentorbot", sequence=0, created_at=now)
    uow.session.add(row)
    uow.session.flush()
    nudges.replan(uow, uow.session.get(models.Relationship, relationship_id), timing)
    uow.commit()
    return view_of(row, rel)


def remember_announcement(uow: UnitOfWork, meeting_id: int, role: Role,
                          where: MessageRef) -> None:
    """The DM announcing the meeting's current time to one of the two."""
    row = uow.session.get(models.Meeting, meeting_id)
    if row is None:
        return
    if role is Role.MENTEE:
        row.mentee_dm_channel, row.mentee_dm_ts = where.channel, where.ts
    else:
        row.mentor_dm_channel, row.mentor_dm_ts = where.channel, where.ts
    uow.commit()


def remember_booking(uow: UnitOfWork, meeting_id: int, where: MessageRef) -> None:
    """The message in the pair's conversation that books the meeting."""
    row = uow.session.get(models.Meeting, meeting_id)
    if row is not None:
        row.booking_channel, row.booking_ts = where.channel, where.ts
        uow.commit()


@dataclass(frozen=True)
class AgendaSent:
    meeting: MeetingView
    in_briefing: bool  # the mentor's day-before reminder is still to come, and carries it


def send_agenda(uow: UnitOfWork, team_id: str, meeting_id: int, mentee_id: str,
                agenda: Agenda, now: datetime, timing: Timing = DEFAULT_TIMING) -> AgendaSent:
    meeting = get(uow, team_id, meeting_id, mentee_id)
    if meeting.relationship.role_of(mentee_id) is not Role.MENTEE:
        raise IllegalTransition("The mentee sets the agenda.")
    if meeting.cancelled:
        raise IllegalTransition(CANCELLED)
    if meeting.plan.ends_at <= now:
        raise IllegalTransition("That meeting is over; send topics for the next one.")
    row = uow.session.get(models.Meeting, meeting_id)
    row.agenda_topics, row.agenda_questions = agenda.topics, agenda.questions or None
    row.agenda_context, row.agenda_links = agenda.context or None, agenda.links or None
    row.agenda_sent_at = now
    row.agenda_revisions = (row.agenda_revisions or 0) + 1  # the calendar event shows it
    nudges.replan(uow, uow.session.get(models.Relationship, row.relationship_id), timing)
    briefing = nudges.is_pending(uow, row.relationship_id, Subject.meeting(meeting_id),
                                 MENTOR_BRIEFING)
    uow.commit()
    return AgendaSent(view_of(row, meeting.relationship), briefing)


def confirm_logistics(uow: UnitOfWork, team_id: str, meeting_id: int, mentee_id: str,
                      now: datetime) -> MeetingView:
    meeting = get(uow, team_id, meeting_id, mentee_id)
    if meeting.relationship.role_of(mentee_id) is not Role.MENTEE:
        raise IllegalTransition("The mentee confirms the logistics.")
    if meeting.cancelled:
        raise IllegalTransition(CANCELLED)
    M = models.Meeting
    done = uow.session.execute(update(M).where(M.id == meeting_id,
                                               M.logistics_confirmed_at.is_(None))
                               .values(logistics_confirmed_at=now)
                               .execution_options(synchronize_session=False))
    rel = meeting.relationship
    mark_changed(uow.session, rel.team_id, rel.mentee_id, rel.mentor_id)
    uow.commit()
    if done.rowcount != 1:
        raise AlreadyDone("Done already: the logistics are confirmed.")
    return meeting


@dataclass(frozen=True)
class Change:
    meeting: MeetingView
    late: bool
    late_by: Role | None
    late_changes: dict[Role, int]
    # The mentor asked for it: he expects it, so it answers him in place.
    asked_by_mentor: bool = False
    notice_hours: int = 24  # the notice the two agreed on


def _changeable(uow: UnitOfWork, team_id: str, meeting_id: int, mentee_id: str,
                now: datetime) -> tuple[MeetingView, models.Meeting]:
    meeting = get(uow, team_id, meeting_id, mentee_id)
    if meeting.relationship.role_of(mentee_id) is not Role.MENTEE:
        raise IllegalTransition("The mentee carries out changes; ask them with the button.")
    return meeting, _still_ahead(uow, meeting_id, now)


def _still_ahead(uow: UnitOfWork, meeting_id: int, now: datetime) -> models.Meeting:
    row = uow.session.get(models.Meeting, meeting_id)
    if row.status != MeetingStatus.SCHEDULED or row.starts_at <= now:
        raise IllegalTransition("That meeting can't be changed any more.")
    return row


def _notice_hours(uow: UnitOfWork, row: models.Meeting) -> int:
    rel = uow.session.get(models.Relationship, row.relationship_id)
    return rel.reschedule_notice_hours or 24


def _count_if_late(uow: UnitOfWork, row: models.Meeting, now: datetime
                   ) -> tuple[bool, Role | None, dict[Role, int]]:
    rel = uow.session.get(models.Relationship, row.relationship_id)
    notice = timedelta(hours=rel.reschedule_notice_hours or 24)
    late = row.starts_at - now < notice
    late_by = None
    if late:
        late_by = Role(row.change_requested_by or Role.MENTEE.value)
        if late_by is Role.MENTOR:
            rel.late_changes_mentor += 1
        else:
            rel.late_changes_mentee += 1
    row.change_requested_by = None
    return late, late_by, {Role.MENTEE: rel.late_changes_mentee,
                           Role.MENTOR: rel.late_changes_mentor}


def reschedule(uow: UnitOfWork, team_id: str, meeting_id: int, mentee_id: str,
               plan: MeetingPlan, now: datetime, timing: Timing = DEFAULT_TIMING) -> Change:
    meeting, row = _changeable(uow, team_id, meeting_id, mentee_id, now)
    found = problems(plan, now, nudges.timeline_of(uow, row.relationship_id),
                     _others(uow, row.relationship_id, but=row.id),
                     conversation=meeting.relationship.terms.conversation)
    if found:
        raise Refused(found)
    asked = row.change_requested_by == Role.MENTOR.value
    late, late_by, counts = _count_if_late(uow, row, now)
    row.starts_at, row.minutes = plan.starts_at, plan.minutes
    row.meeting_format = plan.meeting_format.value
    row.link, row.place = plan.link or None, plan.place or None
    row.sequence += 1
    row.logistics_confirmed_at = None
    nudges.replan(uow, uow.session.get(models.Relationship, row.relationship_id), timing)
    uow.commit()
    return Change(view_of(row, meeting.relationship), late, late_by, counts, asked,
                  _notice_hours(uow, row))


def cancel(uow: UnitOfWork, team_id: str, meeting_id: int, mentee_id: str, now: datetime,
           timing: Timing = DEFAULT_TIMING) -> Change:
    meeting, row = _changeable(uow, team_id, meeting_id, mentee_id, now)
    asked = row.change_requested_by == Role.MENTOR.value
    late, late_by, counts = _count_if_late(uow, row, now)
    row.status = MeetingStatus.CANCELLED
    row.sequence += 1
    nudges.replan(uow, uow.session.get(models.Relationship, row.relationship_id), timing)
    uow.commit()
    return Change(view_of(row, meeting.relationship), late, late_by, counts, asked,
                  _notice_hours(uow, row))


def ask_to_change(uow: UnitOfWork, team_id: str, meeting_id: int, mentor_id: str,
                  now: datetime, proposals: tuple[datetime, ...] = ()) -> MeetingView:
    """The mentor asks the mentee to move it, perhaps to one of `proposals`; each must be
    a time she could move it to (Refused, keyed by its position, says why not)."""
    meeting = get(uow, team_id, meeting_id, mentor_id)
    if meeting.relationship.role_of(mentor_id) is not Role.MENTOR:
        raise IllegalTransition("As the mentee, change it yourself with Reschedule.")
    row = _still_ahead(uow, meeting_id, now)
    ends = nudges.timeline_of(uow, row.relationship_id)
    others = _others(uow, row.relationship_id, but=row.id)
    for position, start in enumerate(proposals, start=1):
        found = problems(replace(meeting.plan, starts_at=start), now, ends, others,
                         conversation=meeting.relationship.terms.conversation)
        if found:
            raise Refused({str(position): next(iter(found.values()))})
    row.change_requested_by = Role.MENTOR.value
    uow.commit()
    return meeting

"""Sending one calendar invitation by email: the meeting's current version, as the
calendar file Slack carries, to a person's Slack profile address."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from bot.domain.nudges.delivery import DeliveryOutcome
from bot.flows.deps import Deps
from bot.services import meetings, nudges
from bot.services.nudges import Claimed
from bot.services.personal_data import is_forgotten
from bot.support import mail
from bot.support.calendar import meeting_ics
from bot.support.timefmt import when

log = logging.getLogger(__name__)


def deliver_email(deps: Deps, nudge: Claimed, worker: str, clock: Callable[[], datetime],
                  retry_later: Callable[[str], DeliveryOutcome]) -> DeliveryOutcome:
    with deps.reader() as uow:
        meeting = meetings.get(uow, nudge.team_id, nudge.subject.meeting_id, nudge.recipient_id)
    if meeting.calendar_sequence != nudge.subject.sequence:
        # Changed again before this went: the newer version has its own email.
        with deps.uow() as uow:
            nudges.mark_obsolete(uow, nudge.id, worker)
        return DeliveryOutcome.OBSOLETE
    if is_forgotten(nudge.recipient_id):
        with deps.uow() as uow:
            nudges.mark_obsolete(uow, nudge.id, worker)
        return DeliveryOutcome.OBSOLETE
    rel, now = meeting.relationship, clock()
    # Someone forgotten has no profile to read: their side of the event has a stand-in.
    mentee, mentor = (None if is_forgotten(person_id)
                      else deps.directory.lookup(rel.team_id, person_id, now)
                      for person_id in (rel.mentee_id, rel.mentor_id))
    person = mentee if nudge.recipient_id == rel.mentee_id else mentor
    if person is None or not person.email:
        with deps.uow() as uow:
            nudges.mark_failed(uow, nudge.id, worker, "no_email_address")
        return DeliveryOutcome.FAILED
    ics = meeting_ics(meeting, mentee, mentor, now, cancel=meeting.cancelled)
    try:
        mail.send(deps.settings.smtp_url.get_secret_value(), deps.settings.calendar_from,
                  _invitation(meeting, person.email, person.tz, ics))
    except mail.MailRefused as refused:
        log.info("nudge %s: calendar email not taken (%s)", nudge.id, refused)
        return retry_later(str(refused))
    with deps.uow() as uow:
        nudges.mark_sent(uow, nudge.id, worker, clock())
    return DeliveryOutcome.SENT


def _invitation(meeting, address: str, tz: str, ics: bytes) -> mail.Invitation:
    start = when(meeting.plan.starts_at, tz)
    if meeting.cancelled:
        subject, text = f"Cancelled: mentoring session, {start}", "This session is cancelled."
    elif meeting.sequence:
        subject, text = f"Updated: mentoring session, {start}", f"The session is now {start}."
    elif meeting.agenda_revisions:
        subject, text = (f"Agenda: mentoring session, {start}",
                         "The agenda is now in the event's description.")
    else:
        subject, text = f"Invitation: mentoring session, {start}", f"Mentoring, {start}."
    return mail.Invitation(address, subject, text + " Arranged in Slack with mentorbot.", ics,
                           "CANCEL" if meeting.cancelled else "REQUEST")

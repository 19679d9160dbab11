"""Each person's own data: a copy of everything stored about them, the right to be
forgotten, and a pause when Slack deactivates them.

Whose words are whose: the mentee writes the invitation, agendas, takeaways, the closing
reflection and a proposal's note; the mentor writes a counter-proposal's note and a decline
reason; an early end's reason belongs to whoever ended it. The agreement's terms belong to
both. An export holds only the person's own words, and forgetting erases only those, so
the other person's records stay whole.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update

from bot.db import models
from bot.db.changes import mark_changed
from bot.db.queries import preferences_of, relationships_of
from bot.db.uow import UnitOfWork
from bot.domain.nudges import DEFAULT_TIMING, NudgeStatus, Timing
from bot.domain.preferences import Preferences
from bot.domain.relationship import OPEN_STATES, Action, Role, State
from bot.services import endings, nudges, relationships
from bot.services.meeting_records import MeetingView, view_of

FORGOTTEN_PREFIX = "X"  # Slack ids start with U or W: this can never be a real person
REMOVED = "(removed at the writer's request)"


def is_forgotten(user_id: str) -> bool:
    return user_id.startswith(FORGOTTEN_PREFIX)


def pseudonym(team_id: str, user_id: str) -> str:
    """The same stand-in everywhere for one person, and no way back to them."""
    digest = hashlib.sha256(f"{team_id}:{user_id}".encode()).hexdigest()[:16]
    return f"{FORGOTTEN_PREFIX}{digest.upper()}"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def export(uow: UnitOfWork, team_id: str, user_id: str) -> dict:
    """Everything stored about the person, in their own words only."""
    person = uow.session.get(models.Person, (team_id, user_id))
    answers = uow.session.get(models.ReadinessAnswers, (team_id, user_id))
    D = models.InvitationDraft
    drafts = uow.session.scalars(select(D).where(D.team_id == team_id, D.mentee_id == user_id))
    return {
        "user_id": user_id,
        "team_id": team_id,
        "profile_cache": None if person is None else {
            "display_name": person.display_name, "email": person.email, "tz": person.tz,
            "fetched_at": _iso(person.fetched_at)},
        "readiness_answers": None if answers is None else {
            "next_goal": answers.next_goal, "strengths": answers.strengths,
            "growth_areas": answers.growth_areas, "why_mentor": answers.why_mentor,
            "updated_at": _iso(answers.updated_at)},
        "reminder_settings": _settings_export(preferences_of(uow, team_id, user_id)),
        "offer_to_mentor": _offer_export(uow.session.get(models.MentoringOffer,
                                                         (team_id, user_id))),
        "usual_times": _usual_times_export(uow.session.get(models.UsualTimes,
                                                           (team_id, user_id))),
        "invitation_drafts": [{"mentor_id": d.mentor_id, "body": d.body,
                               "created_at": _iso(d.created_at)} for d in drafts],
        "relationships": [_relationship_export(uow, row, user_id)
                          for row in relationships_of(uow, team_id, user_id)],
    }


def _offer_export(row: models.MentoringOffer | None) -> dict | None:
    if row is None:
        return None
    return {"topics": row.topics, "tags": row.tags, "capacity": row.capacity,
            "formats": row.formats, "note": row.note, "paused_at": _iso(row.paused_at),
            "created_at": _iso(row.created_at), "updated_at": _iso(row.updated_at)}


def _usual_times_export(row: models.UsualTimes | None) -> dict | None:
    if row is None:
        return None
    return {"windows": row.windows, "tz": row.tz, "updated_at": _iso(row.updated_at)}


def _settings_export(prefs: Preferences) -> dict:
    return {"quiet_start": prefs.quiet_start.isoformat() if prefs.quiet_start else None,
            "quiet_end": prefs.quiet_end.isoformat() if prefs.quiet_end else None,
            "quiet_weekends": prefs.quiet_weekends, "day_before": prefs.day_before,
            "mentor_starting_soon": prefs.mentor_starting_soon,
            "mentee_starting_soon": prefs.mentee_starting_soon}


def _relationship_export(uow: UnitOfWork, row: models.Relationship, user_id: str) -> dict:
    mentee = row.mentee_id == user_id
    inv = row.invitation
    A, M, N, T = (models.AgreementVersion, models.Meeting, models.Nudge,
                  models.TransitionRecord)
    own_end = row.ended_by == (Role.MENTEE if mentee else Role.MENTOR).value
    return {
        "id": row.id, "role": "mentee" if mentee else "mentor",
        "other_person": row.mentor_id if mentee else row.mentee_id, "state": row.state,
        "ask": row.ask,
        "terms": {"cadence": row.cadence, "minutes": row.minutes, "months": row.months,
                  "format": row.meeting_format},
        "dates": {k: _iso(getattr(row, f"{k}_at")) for k in (
            "created", "invited", "agreed", "active", "completed", "declined", "withdrawn",
            "cancelled", "expired", "lapsed")},
        "late_changes": {"asked_by_mentee": row.late_changes_mentee,
                         "asked_by_mentor": row.late_changes_mentor},
        "invitation": None if inv is None else {
            "reply_by": inv.reply_by.isoformat(),
            **({"intro": inv.intro, "why_them": inv.why_them, "offer": inv.offer,
                "followed_up_at": _iso(inv.followed_up_at),
                "follow_up": inv.follow_up_words} if mentee else
               {"counter_note": inv.counter_note, "decline_reason": inv.decline_reason})},
        "ending": {"ended_by": row.ended_by,
                   **({"final_thanks_sent_at": _iso(row.final_thanks_sent_at),
                       "continue_proposed_at": _iso(row.continue_proposed_at)}
                      if mentee else {}),
                   **({"reason": row.end_reason} if own_end else {}),
                   **({"reflection": row.reflection, "goal_now": row.goal_now,
                       "continue_note": row.continue_note} if mentee else {})},
        "agreement_versions": [
            {"version": a.version, "author": a.author_role, "terms": a.terms,
             "months": a.months, "created_at": _iso(a.created_at),
             "mentee_confirmed_at": _iso(a.mentee_confirmed_at),
             "mentor_confirmed_at": _iso(a.mentor_confirmed_at)}
            for a in uow.session.scalars(select(A).where(A.relationship_id == row.id)
                                         .order_by(A.version))],
        "meetings": [
            {"starts_at": _iso(m.starts_at), "minutes": m.minutes, "status": m.status,
             "link": m.link, "place": m.place, "agenda_sent_at": _iso(m.agenda_sent_at),
             "thanks_sent_at": _iso(m.thanks_sent_at),
             # The agenda, takeaways and shared summary are the mentee's words.
             **({"agenda": {"topics": m.agenda_topics, "questions": m.agenda_questions,
                            "context": m.agenda_context, "links": m.agenda_links},
                 "takeaways": m.takeaways, "summary": m.summary,
                 "summary_shared_at": _iso(m.summary_shared_at),
                 "shared_something_real": m.shared_something_real} if mentee else {})}
            for m in uow.session.scalars(select(M).where(M.relationship_id == row.id)
                                         .order_by(M.starts_at))],
        "nudges_to_you": [
            {"kind": n.kind, "due_at": _iso(n.due_at), "status": n.status,
             "sent_at": _iso(n.sent_at)}
            for n in uow.session.scalars(select(N).where(N.relationship_id == row.id,
                                                         N.recipient_id == user_id))],
        "your_actions": [
            {"action": t.action, "from": t.from_state, "to": t.to_state, "at": _iso(t.at)}
            for t in uow.session.scalars(select(T).where(T.relationship_id == row.id,
                                                         T.actor_id == user_id))],
    }


@dataclass(frozen=True)
class Left:
    """Someone whose open relationship ended because the other person asked to be
    forgotten, with the meetings ahead it cancelled: their calendars must drop them."""

    person_id: str
    cancelled: tuple[MeetingView, ...] = ()


def forget(uow: UnitOfWork, team_id: str, user_id: str, now: datetime,
           timing: Timing = DEFAULT_TIMING) -> list[Left]:
    """Erase the person's own words and profile, end their open relationships, and put a
    pseudonym where their id was. Returns the people whose open relationship ended, to be
    told. Everything the other person wrote or shares stays as it was."""
    stand_in = pseudonym(team_id, user_id)
    told = []
    for row in relationships_of(uow, team_id, user_id):
        mentee = row.mentee_id == user_id
        if State(row.state) in OPEN_STATES:
            cancelled = _close(uow, row, user_id, mentee, now)
            # Seen before the rename: the calendar files still name both people's events.
            uow.session.flush()
            rel = relationships.view_of(row)
            told.append(Left(row.mentor_id if mentee else row.mentee_id, tuple(
                view_of(uow.session.get(models.Meeting, meeting_id), rel)
                for meeting_id in cancelled)))
        _erase_words(uow, row, mentee)
        # Before the rename: the flush will only see the pseudonym, and the person's own
        # Home must still be republished (empty).
        mark_changed(uow.session, team_id, row.mentee_id, row.mentor_id)
        if mentee:
            row.mentee_id = stand_in
        else:
            row.mentor_id = stand_in
        uow.session.flush()
        nudges.replan(uow, row, timing)
    T, N = models.TransitionRecord, models.Nudge
    uow.session.execute(update(T).where(T.team_id == team_id, T.actor_id == user_id)
                        .values(actor_id=stand_in))
    # Their pending nudges went obsolete in the re-plan above: every relationship is closed.
    uow.session.execute(update(N).where(N.team_id == team_id, N.recipient_id == user_id)
                        .values(recipient_id=stand_in))
    for model in (models.Person, models.ReadinessAnswers, models.ReminderPreferences,
                  models.MentoringOffer, models.UsualTimes):
        uow.session.execute(delete(model).where(model.team_id == team_id,
                                                model.user_id == user_id))
    D = models.InvitationDraft
    uow.session.execute(delete(D).where(D.team_id == team_id, D.mentee_id == user_id))
    uow.session.execute(update(D).where(D.team_id == team_id, D.mentor_id == user_id)
                        .values(mentor_id=stand_in))
    uow.commit()
    return told


def _close(uow: UnitOfWork, row: models.Relationship, user_id: str, mentee: bool,
           now: datetime) -> tuple[int, ...]:
    """End an open relationship on the way out, as its own person would; the meetings
    ahead are cancelled."""
    row.ended_by = (Role.MENTEE if mentee else Role.MENTOR).value
    cancelled = endings.cancel_meetings_ahead(uow, row, now)
    if row.state != State.INVITED:
        relationships.apply_move(uow, row, user_id, Action.CANCEL, now)
    elif mentee:
        relationships.apply_move(uow, row, user_id, Action.WITHDRAW, now)
    else:
        # The mentor can't decline an invitation whose counter-proposal is with the
        # mentee: it simply lapses.
        relationships.apply_move(uow, row, relationships.SYSTEM_ACTOR, Action.EXPIRE, now)
    return cancelled


def _erase_words(uow: UnitOfWork, row: models.Relationship, mentee: bool) -> None:
    inv = row.invitation
    if mentee:
        if inv is not None:
            inv.intro = inv.why_them = inv.offer = REMOVED
            inv.follow_up_words = None
        row.reflection = row.continue_note = row.goal_now = None
        M = models.Meeting
        uow.session.execute(update(M).where(M.relationship_id == row.id).values(
            agenda_topics=None, agenda_questions=None, agenda_context=None,
            agenda_links=None, takeaways=None, shared_something_real=None, summary=None))
    elif inv is not None:
        inv.counter_note = inv.decline_reason = None
    if row.ended_by == (Role.MENTEE if mentee else Role.MENTOR).value:
        row.end_reason = None


def pause_for_deactivated(uow: UnitOfWork, team_id: str, user_id: str) -> int:
    """Slack deactivated the person: hold every nudge of their open relationships."""
    paused = 0
    for row in relationships_of(uow, team_id, user_id):
        if State(row.state) in OPEN_STATES:
            paused += nudges.pause_relationship(uow, row.id, "user_deactivated")
    uow.commit()
    return paused


# Why a relationship's nudges were paused when its person went away (see delivery too).
_PAUSED_FOR_ABSENCE = ("user_deactivated", "account_inactive", "user_not_found",
                       "user_disabled")


def resume_for_reactivated(uow: UnitOfWork, team_id: str, user_id: str) -> int:
    """Slack reactivated the person: nudges held for their absence go out again (each
    re-checked at send time, so one whose moment has passed is dropped, not sent)."""
    N = models.Nudge
    rel_ids = [row.id for row in relationships_of(uow, team_id, user_id)
               if State(row.state) in OPEN_STATES]
    if not rel_ids:
        return 0
    resumed = uow.session.execute(
        update(N).where(N.relationship_id.in_(rel_ids), N.status == NudgeStatus.PAUSED,
                        N.last_error.in_(_PAUSED_FOR_ABSENCE))
        .values(status=NudgeStatus.PENDING, last_error=None, available_at=N.due_at)
        .execution_options(synchronize_session=False))
    uow.commit()
    return resumed.rowcount

"""Nudges that keep an active relationship going: the next meeting within the agreed
cadence, and the final session before the timeline ends."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.domain.nudges.model import Facts, Family, Need, NudgeKind, Timing
from bot.domain.nudges.subjects import Subject
from bot.domain.relationship import Role, State

ACTIVE = frozenset({State.ACTIVE})
# A keep-the-rhythm nudge this close before the final-session one would say the same
# thing with the same button: the final-session nudge, which asks for that meeting, goes.
RHYTHM_BEFORE_FINAL = timedelta(days=1)


def _final_due(facts: Facts, timing: Timing) -> datetime | None:
    if facts.timeline_end is None:
        return None
    return facts.timeline_end - timing.final_session_lead


def _keep_rhythm(facts: Facts, timing: Timing):
    if (facts.state is not State.ACTIVE or facts.active_at is None or facts.conversation
            or any(m.upcoming for m in facts.meetings)):
        return []
    last = max(facts.meetings, key=lambda m: m.starts_at, default=None)
    due = (last.starts_at if last else facts.active_at) + timedelta(days=facts.cadence_days)
    final_due = _final_due(facts, timing)
    if final_due is not None and due >= final_due - RHYTHM_BEFORE_FINAL:
        return []
    # One per gap: the subject names the meeting the gap follows.
    return [(Subject.gap_after(last.meeting_id if last else None), due)]


# No next meeting within the agreed cadence of the last one: schedule it.
KEEP_RHYTHM = NudgeKind(
    "keep_rhythm", Family.RHYTHM, Role.MENTEE, due=_keep_rhythm, applies_in=ACTIVE,
    needs=frozenset({Need.RELATIONSHIP}),
    asked_for="a meeting was booked or the mentoring closed",
    followed=lambda trail: trail.meeting_booked_after or trail.after(trail.completed_at))


def _final_session(facts: Facts, timing: Timing):
    final_due = _final_due(facts, timing)
    if facts.state is not State.ACTIVE or final_due is None or facts.conversation:
        return []
    return [(Subject.timeline(facts.timeline_end), final_due)]


# Two weeks before the agreed timeline ends: plan the final session.
FINAL_SESSION = NudgeKind(
    "final_session", Family.RHYTHM, Role.MENTEE, due=_final_session, applies_in=ACTIVE,
    needs=frozenset({Need.RELATIONSHIP}), asked_for="completed or continued",
    followed=lambda trail: trail.agreement_written_after or trail.after(trail.completed_at))

KINDS = (KEEP_RHYTHM, FINAL_SESSION)

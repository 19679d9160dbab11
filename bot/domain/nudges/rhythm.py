"""Nudges that keep an active relationship going and close it on purpose.

While nothing is booked, the mentee is asked to keep the rhythm one and two cadences
after the pair last met (or began); two weeks before the agreed timeline ends, to plan
the final session. When the timeline has ended, or three cadences have passed with
nothing booked, she is asked once what comes next, reminded once a week later, and a
week after that, silence lets the relationship lapse kindly. Never two of these asks
within a week of each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.nudges.agreement import agreement_lapse
from bot.domain.nudges.conversation import conversation_lapse
from bot.domain.nudges.model import Facts, Family, Need, NudgeKind, Timing
from bot.domain.nudges.subjects import Subject
from bot.domain.relationship import Action, Role, State

ACTIVE = frozenset({State.ACTIVE})
# The last meeting's end leaves this long to log it and complete before "what next?".
AFTER_LAST_MEETING = timedelta(days=2)
KEEP_RHYTHM_ASKS = (1, 2)  # cadences after the last meeting


@dataclass(frozen=True)
class Gap:
    """The time since the pair last met: from the latest meeting held or booked (cancelled
    ones aside), or from the start when there has been none."""

    meeting_id: int | None
    since: datetime
    ends: datetime  # when that meeting ends (the start, when there was none)


def gap_of(facts: Facts) -> Gap | None:
    last = max(facts.meetings, key=lambda m: m.starts_at, default=None)
    if last is not None:
        return Gap(last.meeting_id, last.starts_at, last.ends_at or last.starts_at)
    if facts.active_at is None:
        return None
    return Gap(None, facts.active_at, facts.active_at)


def _final_due(facts: Facts, timing: Timing) -> datetime | None:
    if facts.timeline_end is None:
        return None
    return facts.timeline_end - timing.final_session_lead


def decision_due(facts: Facts, timing: Timing, gap: Gap) -> datetime:
    """Three cadences without a meeting, or the end of the timeline (after its last
    meeting, when one runs past it), whichever comes first; and never sooner than two
    weeks after she proposed to continue, whatever the mentor answered."""
    stalled = gap.since + timing.decide_after_cadences * timedelta(days=facts.cadence_days)
    due = stalled if facts.timeline_end is None else min(
        stalled, max(facts.timeline_end, gap.ends + AFTER_LAST_MEETING))
    if facts.continuation_proposed_at is not None:
        due = max(due, facts.continuation_proposed_at + timing.continuation_wait)
    return due


@dataclass(frozen=True)
class RhythmAsk:
    kind: str
    subject: Subject
    due_at: datetime


def rhythm_asks(facts: Facts, timing: Timing) -> list[RhythmAsk]:
    """Every rhythm ask the facts call for, in order, never two within a week."""
    if facts.state is not State.ACTIVE or facts.conversation:
        return []
    gap = gap_of(facts)
    if gap is None:
        return []
    cadence = timedelta(days=facts.cadence_days)
    decide_at = decision_due(facts, timing, gap)
    final_at = _final_due(facts, timing)
    # A keep-the-rhythm ask within a week of a bigger one would say the same thing.
    next_big = min(at for at in (decide_at, final_at) if at is not None)
    asks = [RhythmAsk(KEEP_RHYTHM.name, Subject.gap_after(gap.meeting_id, n),
                      gap.since + n * cadence)
            for n in KEEP_RHYTHM_ASKS
            if gap.since + n * cadence < next_big - timing.rhythm_spacing]
    if final_at is not None:
        asks.append(RhythmAsk(FINAL_SESSION.name, Subject.timeline(facts.timeline_end),
                              final_at))
    asks.append(RhythmAsk(DECIDE.name, Subject.decision(
        gap.meeting_id, facts.timeline_end or decide_at, facts.continuation_proposed_at),
        decide_at))
    paced: list[RhythmAsk] = []
    for ask in sorted(asks, key=lambda a: a.due_at):
        if paced and ask.due_at < paced[-1].due_at + timing.rhythm_spacing:
            ask = RhythmAsk(ask.kind, ask.subject, paced[-1].due_at + timing.rhythm_spacing)
        paced.append(ask)
    return paced


def _of_kind(name: str):
    def due(facts: Facts, timing: Timing):
        return [(a.subject, a.due_at) for a in rhythm_asks(facts, timing) if a.kind == name]
    return due


def _after_asking(delay: str):
    """Counted from when "what next?" actually went out, once it has."""
    def due(facts: Facts, timing: Timing):
        asked = dict(facts.decisions_asked)
        return [(a.subject, asked[a.subject] + getattr(timing, delay))
                for a in rhythm_asks(facts, timing)
                if a.kind == DECIDE.name and a.subject in asked]
    return due


def _booked_or_closed(trail) -> bool:
    return trail.meeting_booked_after or trail.after(trail.completed_at)


# No next meeting within one, then two, agreed cadences of the last: schedule it.
KEEP_RHYTHM = NudgeKind(
    "keep_rhythm", Family.RHYTHM, Role.MENTEE, due=_of_kind("keep_rhythm"),
    applies_in=ACTIVE, needs=frozenset({Need.RELATIONSHIP, Need.GAP}),
    asked_for="a meeting was booked or the mentoring closed", followed=_booked_or_closed)

# Two weeks before the agreed timeline ends: plan the final session.
FINAL_SESSION = NudgeKind(
    "final_session", Family.RHYTHM, Role.MENTEE, due=_of_kind("final_session"),
    applies_in=ACTIVE, needs=frozenset({Need.RELATIONSHIP}), asked_for="completed or continued",
    followed=lambda trail: trail.agreement_written_after or trail.after(trail.completed_at))

# The timeline has ended, or three cadences passed with nothing booked: what next?
DECIDE = NudgeKind(
    "decide", Family.RHYTHM, Role.MENTEE, due=_of_kind("decide"), applies_in=ACTIVE,
    needs=frozenset({Need.RELATIONSHIP, Need.GAP}), replans_when_sent=True,
    asked_for="she decided (booked, continued or closed)", followed=_booked_or_closed)

DECIDE_REMINDER = NudgeKind(
    "decide_reminder", Family.RHYTHM, Role.MENTEE, due=_after_asking("decision_reminder"),
    applies_in=ACTIVE, needs=frozenset({Need.RELATIONSHIP, Need.GAP}),
    asked_for="she decided (booked, continued or closed)", followed=_booked_or_closed)


def _lapse(facts: Facts, timing: Timing):
    return [*_after_asking("lapse_after_asking")(facts, timing),
            *conversation_lapse(facts, timing), *agreement_lapse(facts, timing)]


# Two weeks of silence after "what next?" (or a conversation never booked): it lapses,
# and each is told once. Lapsed already when it comes due: a crash came before the telling.
LAPSE = NudgeKind(
    "lapse", Family.RHYTHM, Role.MENTEE, due=_lapse,
    applies_in=frozenset({State.AGREED, State.ACTIVE, State.LAPSED}),
    needs=frozenset({Need.RELATIONSHIP, Need.GAP}), acts=Action.LAPSE)


def _lapsed(facts: Facts, timing: Timing):
    if facts.state is not State.LAPSED or facts.lapsed_at is None:
        return []
    return [(Subject("lapsed"), facts.lapsed_at)]


# The mentor hears it once, in his own waking hours: closed, nothing asked, place free.
LAPSED_FOR_MENTOR = NudgeKind(
    "lapsed_mentor", Family.RHYTHM, Role.MENTOR, due=_lapsed,
    applies_in=frozenset({State.LAPSED}), needs=frozenset({Need.RELATIONSHIP, Need.GAP}))

KINDS = (KEEP_RHYTHM, FINAL_SESSION, DECIDE, DECIDE_REMINDER, LAPSE, LAPSED_FOR_MENTOR)

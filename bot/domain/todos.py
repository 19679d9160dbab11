"""What the mentee owes next, and by when: the App Home's to-do list.

Derived, never stored: the same facts the nudge planner reads, seen from "now", so the
list can never disagree with what the nudges ask for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.nudges import Facts, Timing
from bot.domain.relationship import State


class Todo(StrEnum):
    SEND_AGREEMENT = "send_agreement"
    SEND_AGENDA = "send_agenda"
    CONFIRM_LOGISTICS = "confirm_logistics"
    LOG_AND_THANK = "log_and_thank"
    SCHEDULE_NEXT = "schedule_next"


@dataclass(frozen=True)
class TodoItem:
    todo: Todo
    due_at: datetime
    relationship_id: int
    meeting_id: int | None = None
    starts_at: datetime | None = None  # the meeting it is about


def todos(facts: Facts, now: datetime, timing: Timing) -> list[TodoItem]:
    """The mentee's open to-dos for one relationship, soonest due first."""
    items: list[TodoItem] = []
    rel = facts.relationship_id
    if facts.state is State.AGREED and not facts.agreement_sent and facts.agreed_at:
        items.append(TodoItem(Todo.SEND_AGREEMENT, facts.agreed_at + timing.agreement_due, rel))
    if facts.state is not State.ACTIVE:
        return items
    ahead = [m for m in facts.meetings if m.upcoming and m.starts_at > now]
    for meeting in ahead:
        if not meeting.agenda_sent:
            items.append(TodoItem(Todo.SEND_AGENDA, meeting.starts_at - facts.agenda_lead, rel,
                                  meeting.meeting_id, meeting.starts_at))
        if not meeting.logistics_confirmed:
            items.append(TodoItem(Todo.CONFIRM_LOGISTICS,
                                  meeting.starts_at - timing.logistics_lead, rel,
                                  meeting.meeting_id, meeting.starts_at))
    for meeting in facts.meetings:
        over = meeting.ends_at is not None and meeting.ends_at <= now
        if over and not meeting.thanked:
            items.append(TodoItem(Todo.LOG_AND_THANK, meeting.ends_at + timing.after_meeting,
                                  rel, meeting.meeting_id, meeting.starts_at))
    if not ahead and facts.active_at is not None:
        last = max((m.starts_at for m in facts.meetings), default=facts.active_at)
        items.append(TodoItem(Todo.SCHEDULE_NEXT, last + timedelta(days=facts.cadence_days),
                              rel))
    return sorted(items, key=lambda item: item.due_at)

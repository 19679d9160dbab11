"""What the demo reads back from its database: the agreed end, and the closing figures."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path


def next_due_in(database: Path, until: datetime) -> datetime | None:
    from sqlalchemy import create_engine

    from bot.db.engine import make_session_factory
    from bot.db.uow import UnitOfWork
    from bot.services.nudges import next_due

    engine = create_engine(f"sqlite:///{database}")
    with UnitOfWork(make_session_factory(engine)) as uow:
        due = next_due(uow, until)
    engine.dispose()
    return due


def print_summary(database: Path) -> None:
    from sqlalchemy import create_engine, select

    from bot.db.engine import make_session_factory
    from bot.db.models import Relationship, TransitionRecord
    from bot.db.uow import UnitOfWork
    from bot.services.nudge_effects import effects

    engine = create_engine(f"sqlite:///{database}")
    with UnitOfWork(make_session_factory(engine)) as uow:
        print("\n━━ What happened, in the database " + "━" * 40)
        for rel in uow.session.scalars(select(Relationship)).unique():
            print(f"relationship {rel.id}: {rel.state}; {rel.cadence}, {rel.minutes} min, "
                  f"{rel.months} months; late changes asked by the mentor: "
                  f"{rel.late_changes_mentor}, by the mentee: {rel.late_changes_mentee}")
        for record in uow.session.scalars(select(TransitionRecord)
                                          .order_by(TransitionRecord.id)):
            print(f"  {record.at:%d %b %Y %H:%M} {record.actor_role:<7} {record.action:<16} "
                  f"{record.from_state} → {record.to_state}")
        print("\n━━ What each nudge achieved " + "━" * 46)
        for effect in effects(uow, "T0DEMO"):
            print(f"  {effect.kind.value:<22} sent {effect.sent}, then {effect.asked_for}: "
                  f"{effect.followed} of {effect.sent}")
    engine.dispose()


# What a new message is, read from its notification text (files are calendar files).
KINDS = (("invites you to mentor", "invitation"), ("sent the expectations", "agreement"),
         ("suggested edits", "agreement"), ("Mentoring session:", "meeting booked"),
         ("Moved: mentoring session", "meeting moved"),
         ("Cancelled: mentoring session", "meeting cancelled"),
         ("Tomorrow:", "day-before reminder"), ("Starting soon", "starting soon"),
         ("thank-you from", "thanks"), ("asks to move", "asked to reschedule"))


def kind_of(item) -> str:
    if isinstance(item, dict):
        return "calendar file (in a thread)" if item.get("thread_ts") else "calendar file"
    # As it first arrived: an update in place later is not what cost the attention.
    text = item.history[0]["text"] if item.history else item.text
    return next((kind for words, kind in KINDS if words in text),
                "nudge or note: " + " ".join(text.split()[:4]))


def print_attention(emulator, people: dict[str, str]) -> dict[str, Counter]:
    """New messages per person, by kind: what each one's attention paid for the journey."""
    print("\n━━ New messages each person received (updates in place not counted) " + "━" * 6)
    tallies = {}
    for user_id, name in people.items():
        tally = Counter(kind_of(item) for item in emulator.new_messages(user_id))
        tallies[name] = tally
        print(f"{name}: {sum(tally.values())}")
        for kind, count in tally.most_common():
            print(f"  {count:>3}  {kind}")
    return tallies

"""Each person's reminder settings: read for planning and sending, and saved from the App
Home, which re-plans what is pending for them."""

from __future__ import annotations

from datetime import datetime

from bot.db import models
from bot.db.queries import preferences_of, relationships_of
from bot.db.uow import UnitOfWork
from bot.domain.nudges import Timing
from bot.domain.preferences import Preferences
from bot.domain.relationship import OPEN_STATES, State
from bot.services import nudges

of = preferences_of


def save(uow: UnitOfWork, team_id: str, user_id: str, chosen: Preferences, now: datetime,
         timing: Timing) -> None:
    """Keep `chosen` and re-plan the person's open relationships, so pending reminders
    follow at once (a turned-off one becomes obsolete; a turned-on one is planned)."""
    row = uow.session.get(models.ReminderPreferences, (team_id, user_id))
    if row is None:
        row = models.ReminderPreferences(team_id=team_id, user_id=user_id, updated_at=now)
        uow.session.add(row)
    row.quiet_start, row.quiet_end = chosen.quiet_start, chosen.quiet_end
    row.quiet_weekends, row.day_before = chosen.quiet_weekends, chosen.day_before
    row.starting_soon, row.updated_at = chosen.starting_soon, now
    uow.session.flush()
    for rel in relationships_of(uow, team_id, user_id):
        if State(rel.state) in OPEN_STATES:
            nudges.replan(uow, rel, timing)
    uow.commit()

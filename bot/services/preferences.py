"""Each person's reminder settings: read for planning and sending, and saved from the App
Home, which re-plans what is pending for them."""

from __future__ import annotations

from datetime import datetime

from bot.db import models
from bot.db.queries import preferences_of, relationships_of
from bot.db.uow import UnitOfWork
from bot.domain.nudges import Timing
from bot.domain.preferences import Preferences
from bot.domain.relationship import OPEN_STATES, Role, State
from bot.services import nudges, offers

of = preferences_of


def roles_of(uow: UnitOfWork, team_id: str, user_id: str) -> frozenset[Role]:
    """The roles whose reminders concern the person now: an open relationship on that side,
    or, for a mentor, an offer that may bring one."""
    roles = {Role.MENTEE if rel.mentee_id == user_id else Role.MENTOR
             for rel in relationships_of(uow, team_id, user_id)
             if State(rel.state) in OPEN_STATES}
    if offers.load(uow, team_id, user_id) is not None:
        roles.add(Role.MENTOR)
    return frozenset(roles)


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
    row.starting_soon, row.mentee_starting_soon = (chosen.mentor_starting_soon,
                                                   chosen.mentee_starting_soon)
    row.updated_at = now
    uow.session.flush()
    for rel in relationships_of(uow, team_id, user_id):
        if State(rel.state) in OPEN_STATES:
            nudges.replan(uow, rel, timing)
    uow.commit()

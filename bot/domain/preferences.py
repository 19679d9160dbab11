"""A person's own reminder settings: quiet hours and which optional reminders they want.

Unset means the workspace's setting. Only courtesy reminders can be turned off: the
mentee's duty nudges (topics, logistics, log and thanks, rhythm) always come, at an hour
she chose."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time

from bot.domain.quiet_hours import QuietHours
from bot.domain.relationship import Role


@dataclass(frozen=True)
class Preferences:
    quiet_start: time | None = None
    quiet_end: time | None = None
    quiet_weekends: bool | None = None
    # Each role has its own courtesy reminders and its own defaults: one person may be a
    # mentee in one relationship and a mentor in another.
    day_before: bool | None = None  # as mentor: on unless off
    mentor_starting_soon: bool | None = None  # as mentor: the workspace's setting
    mentee_starting_soon: bool | None = None  # as mentee: on unless off

    def quiet_hours(self, workspace: QuietHours) -> QuietHours:
        return QuietHours(
            self.quiet_start if self.quiet_start is not None else workspace.start,
            self.quiet_end if self.quiet_end is not None else workspace.end,
            self.quiet_weekends if self.quiet_weekends is not None else workspace.weekends)

    @property
    def wants_day_before(self) -> bool:
        return self.day_before is not False

    @property
    def wants_starting_soon_as_mentee(self) -> bool:
        return self.mentee_starting_soon is not False

    def with_chosen(self, chosen: Preferences, roles_shown: frozenset[Role]) -> Preferences:
        """What a form chose, over these: quiet hours always, and each role's reminders
        only when the form showed that role (a role it didn't show keeps its own)."""
        kept = replace(self, quiet_start=chosen.quiet_start, quiet_end=chosen.quiet_end,
                       quiet_weekends=chosen.quiet_weekends)
        if Role.MENTEE in roles_shown:
            kept = replace(kept, mentee_starting_soon=chosen.mentee_starting_soon)
        if Role.MENTOR in roles_shown:
            kept = replace(kept, day_before=chosen.day_before,
                           mentor_starting_soon=chosen.mentor_starting_soon)
        return kept

    def wants_starting_soon_as_mentor(self, workspace_default: bool) -> bool:
        if self.mentor_starting_soon is None:
            return workspace_default
        return self.mentor_starting_soon


WORKSPACE_DEFAULTS = Preferences()

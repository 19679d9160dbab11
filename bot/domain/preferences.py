"""A person's own reminder settings: quiet hours and which optional reminders they want.

Unset means the workspace's setting. Only courtesy reminders can be turned off: the
mentee's duty nudges (topics, logistics, log and thanks, rhythm) always come, at an hour
she chose."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from bot.domain.quiet_hours import QuietHours


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

    def wants_starting_soon_as_mentor(self, workspace_default: bool) -> bool:
        if self.mentor_starting_soon is None:
            return workspace_default
        return self.mentor_starting_soon


WORKSPACE_DEFAULTS = Preferences()

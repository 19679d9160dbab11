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
    day_before: bool | None = None  # the mentor's day-before reminder; on unless off
    starting_soon: bool | None = None  # default: on for mentees, the workspace's for mentors

    def quiet_hours(self, workspace: QuietHours) -> QuietHours:
        return QuietHours(
            self.quiet_start if self.quiet_start is not None else workspace.start,
            self.quiet_end if self.quiet_end is not None else workspace.end,
            self.quiet_weekends if self.quiet_weekends is not None else workspace.weekends)

    @property
    def wants_day_before(self) -> bool:
        return self.day_before is not False

    def wants_starting_soon(self, default: bool) -> bool:
        return default if self.starting_soon is None else self.starting_soon


WORKSPACE_DEFAULTS = Preferences()

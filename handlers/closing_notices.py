"""What a relationship mentorbot closed leaves behind: its meetings ahead leave both
calendars. The mentee hears of it from the nudge itself, the mentor from his own."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.container import Deps
from bot.services.endings import Ended
from handlers.meeting_notices import cancel_calendars


def tell_closed(client: WebClient, deps: Deps, ended: Ended) -> None:
    cancel_calendars(deps, client, ended)

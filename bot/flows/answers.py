"""What a command answers in words, for the person's eyes only: their relationships, and
who is open to mentoring with room."""

from __future__ import annotations

from bot.flows.deps import Deps
from bot.messages.invitation import status_lines
from bot.messages.offers import found, nobody_found
from bot.services import offers, relationships


def status(deps: Deps, team_id: str, user_id: str) -> tuple[str, list[dict]]:
    with deps.reader() as uow:
        rels = relationships.of_person(uow, team_id, user_id)
    return "Your mentoring relationships", status_lines(rels, user_id)


def find(deps: Deps, team_id: str, user_id: str, searched: str
         ) -> tuple[str, list[dict] | None]:
    """Those open to mentoring with room, best match first; nothing is sent to them."""
    now = deps.now()
    seeker_tz = deps.directory.tz_of(team_id, user_id, now)
    with deps.reader() as uow:
        candidates = offers.find(uow, team_id, user_id, searched.strip(), seeker_tz, now)
    if not candidates:
        return nobody_found(), None
    return found(candidates, searched.strip()[:100])

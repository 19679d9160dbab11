"""What a person keeps for themselves: readiness answers, reminder settings and an offer
to mentor. Saving tells no one; the App Home follows by itself."""

from __future__ import annotations

from bot.domain.offers import Offer
from bot.domain.preferences import Preferences
from bot.domain.relationship import Role
from bot.domain.usual_times import describe
from bot.flows.deps import Deps
from bot.services import offers, preferences, readiness, usual_times


def save_readiness(deps: Deps, team_id: str, user_id: str, answers: readiness.Answers) -> None:
    with deps.uow() as uow:
        readiness.save(uow, team_id, user_id, answers, deps.now())


def save_reminders(deps: Deps, team_id: str, user_id: str, chosen: Preferences,
                   roles_shown: frozenset[Role], usual: str | None = None) -> None:
    """Saving plans again what is pending for them, so reminders follow at once. `usual`:
    a mentor's usual times as typed (None when the form did not show them); raises
    WindowsRefused, saving nothing, when they can't be right."""
    now = deps.now()
    # Slack may be asked for the zone: never while holding a transaction.
    tz = deps.directory.tz_of(team_id, user_id, now) if usual is not None else ""
    with deps.uow() as uow:
        if usual is not None:
            usual_times.save(uow, team_id, user_id, usual, tz, now)
        kept = preferences.of(uow, team_id, user_id).with_chosen(chosen, roles_shown)
        preferences.save(uow, team_id, user_id, kept, now, deps.timing)


def save_offer(deps: Deps, team_id: str, user_id: str, offer: Offer, usual: str = ""
               ) -> tuple[Offer, str, str]:
    """The offer, his usual times as he would say them, and his zone. Raises
    offers.OfferRefused or WindowsRefused with what to fix, saving nothing."""
    now = deps.now()
    tz = deps.directory.tz_of(team_id, user_id, now)
    with deps.uow() as uow:
        windows = usual_times.save(uow, team_id, user_id, usual, tz, now)
        saved = offers.save(uow, team_id, user_id, offer, deps.settings.mentor_limit, now)
    return saved, describe(windows), tz


def save_usual_times(deps: Deps, team_id: str, user_id: str, typed: str) -> tuple[str, str]:
    """His usual times as he would say them, and his zone (WindowsRefused: what to fix)."""
    now = deps.now()
    tz = deps.directory.tz_of(team_id, user_id, now)
    with deps.uow() as uow:
        kept = usual_times.save(uow, team_id, user_id, typed, tz, now)
        uow.commit()
    return describe(kept), tz


def pause_offer(deps: Deps, team_id: str, user_id: str, paused: bool) -> None:
    with deps.uow() as uow:
        offers.pause(uow, team_id, user_id, paused, deps.now())


def withdraw_offer(deps: Deps, team_id: str, user_id: str) -> None:
    with deps.uow() as uow:
        offers.withdraw(uow, team_id, user_id)

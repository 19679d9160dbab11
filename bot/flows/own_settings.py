"""What a person keeps for themselves: readiness answers, reminder settings and an offer
to mentor. Saving tells no one; the App Home follows by itself."""

from __future__ import annotations

from bot.domain.offers import Offer
from bot.domain.preferences import Preferences
from bot.domain.relationship import Role
from bot.flows.deps import Deps
from bot.services import offers, preferences, readiness


def save_readiness(deps: Deps, team_id: str, user_id: str, answers: readiness.Answers) -> None:
    with deps.uow() as uow:
        readiness.save(uow, team_id, user_id, answers, deps.now())


def save_reminders(deps: Deps, team_id: str, user_id: str, chosen: Preferences,
                   roles_shown: frozenset[Role]) -> None:
    """Saving plans again what is pending for them, so reminders follow at once."""
    with deps.uow() as uow:
        kept = preferences.of(uow, team_id, user_id).with_chosen(chosen, roles_shown)
        preferences.save(uow, team_id, user_id, kept, deps.now(), deps.timing)


def save_offer(deps: Deps, team_id: str, user_id: str, offer: Offer) -> Offer:
    """Raises offers.OfferRefused with what to fix."""
    with deps.uow() as uow:
        return offers.save(uow, team_id, user_id, offer, deps.settings.mentor_limit,
                           deps.now())


def pause_offer(deps: Deps, team_id: str, user_id: str, paused: bool) -> None:
    with deps.uow() as uow:
        offers.pause(uow, team_id, user_id, paused, deps.now())


def withdraw_offer(deps: Deps, team_id: str, user_id: str) -> None:
    with deps.uow() as uow:
        offers.withdraw(uow, team_id, user_id)

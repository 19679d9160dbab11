"""Each person's own data: their export, their forgetting (and the one left behind,
told once, with the files that take the meetings ahead out of their calendar), and what
a deactivated account holds back."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from bot.flows import pair_conversation as pair
from bot.flows.deps import Deps
from bot.flows.dm import send_dm
from bot.flows.meeting_notices import ICS_NAME
from bot.flows.port import SlackPort
from bot.messages.personal_data import left_mentorbot
from bot.services import personal_data, slack_events
from bot.support.calendar import meeting_ics

log = logging.getLogger(__name__)

FORGOTTEN = "Done: mentorbot has forgotten you. Thank you for mentoring with us."
EXPORTED = ("Sent: everything mentorbot keeps about you is in your DM with mentorbot, as a "
            "JSON file.")


def export(deps: Deps, slack: SlackPort, team_id: str, user_id: str) -> str:
    """The person's data as a file in their DM; returns what to tell them."""
    with deps.reader() as uow:
        data = personal_data.export(uow, team_id, user_id)
    slack.upload(slack.open_conversation(user_id),
                 json.dumps(data, indent=2, ensure_ascii=False), "mentorbot-my-data.json",
                 "Everything mentorbot keeps about you")
    return EXPORTED


def forget(deps: Deps, slack: SlackPort, team_id: str, user_id: str,
           show: Callable[[str], None]) -> None:
    """Only ever the asker's own data. `show` says it is done where they clicked."""
    now = deps.now()
    with deps.uow() as uow:
        told = personal_data.forget(uow, team_id, user_id, now, deps.timing)
    for left in told:
        sent = send_dm(slack, left.person_id, left_mentorbot(user_id, len(left.cancelled)))
        profile = deps.directory.lookup(team_id, left.person_id, now)
        for meeting in left.cancelled:
            mentee_side = meeting.relationship.mentee_id == left.person_id
            ics = meeting_ics(meeting, profile if mentee_side else None,
                              None if mentee_side else profile, now, cancel=True)
            pair.attach(slack, sent, ics, ICS_NAME, "Calendar cancellation")
    log.info("forgot a person on request; %d open relationships ended", len(told))
    show(FORGOTTEN)


def follow_account_change(deps: Deps, team_id: str, user: dict, changed_at: int) -> None:
    """A profile changed (Slack sends one on every change, time zone included): the
    cached copy follows. Deactivated: hold their relationships' nudges; back again: let
    them go out. A change older than one applied already (a late retry) is left alone."""
    user_id, deleted = user["id"], bool(user.get("deleted"))
    with deps.uow() as uow:
        if not slack_events.newer_account_change(uow, team_id, user_id, changed_at, deleted):
            log.info("ignored an account change older than the one applied")
            return
        if deleted:
            paused = personal_data.pause_for_deactivated(uow, team_id, user_id)
            log.info("a deactivated user's relationships hold %d nudges", paused)
        else:
            resumed = personal_data.resume_for_reactivated(uow, team_id, user_id)
            if resumed:
                log.info("a reactivated user's relationships resume %d nudges", resumed)
    deps.directory.confirm(team_id, user, deps.now())

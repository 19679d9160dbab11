"""`/mentor export`, `/mentor forget` and a deactivated user: each person's own data."""

from __future__ import annotations

import json
import logging
from datetime import datetime

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.flows import pair_conversation as pair
from bot.flows.dm import send_dm
from bot.flows.meeting_notices import ICS_NAME
from bot.flows.port import SlackPort
from bot.messages.personal_data import forget_prompt, left_mentorbot
from bot.services import personal_data, slack_events
from bot.support.calendar import meeting_ics
from handlers.actions.invitation import replace_clicked
from handlers.context import deps_of, slack_of

log = logging.getLogger(__name__)


def send_export(client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    with deps.reader() as uow:
        data = personal_data.export(uow, context.team_id, context.user_id)
    channel = client.conversations_open(users=context.user_id)["channel"]["id"]
    client.files_upload_v2(channel=channel, filename="mentorbot-my-data.json",
                           title="Everything mentorbot keeps about you",
                           content=json.dumps(data, indent=2, ensure_ascii=False))
    context.respond(text="Sent: everything mentorbot keeps about you is in your DM with "
                         "mentorbot, as a JSON file.", response_type="ephemeral")


def ask_to_forget(context: BoltContext) -> None:
    context.respond(text="Forget me?", blocks=forget_prompt(), response_type="ephemeral")


def forget_me(ack: Ack, body: dict, client: WebClient, context: BoltContext,
              respond: Respond) -> None:
    """Only ever the clicker's own data: the button carries no one's id."""
    ack()
    deps = deps_of(context)
    now = deps.now()
    with deps.uow() as uow:
        told = personal_data.forget(uow, context.team_id, context.user_id, now, deps.timing)
    deps.directory.forget(context.team_id, context.user_id)
    for left in told:
        _tell(deps, slack_of(context), context.team_id, left, context.user_id, now)
    log.info("forgot a person on request; %d open relationships ended", len(told))
    replace_clicked(body, client, respond,
                    "Done: mentorbot has forgotten you. Thank you for mentoring with us.")


def _tell(deps, slack: SlackPort, team_id: str, left: personal_data.Left, gone_id: str,
          now: datetime) -> None:
    """One DM to the one left behind; the files that take the meetings ahead out of their
    calendar go in its thread."""
    told = send_dm(slack, left.person_id, left_mentorbot(gone_id, len(left.cancelled)))
    profile = deps.directory.lookup(team_id, left.person_id, now)
    for meeting in left.cancelled:
        mentee_side = meeting.relationship.mentee_id == left.person_id
        ics = meeting_ics(meeting, profile if mentee_side else None,
                          None if mentee_side else profile, now, cancel=True)
        pair.attach(slack, told, ics, ICS_NAME, "Calendar cancellation")


def follow_user_change(event: dict, body: dict, context: BoltContext) -> None:
    """Deactivated: hold their relationships' nudges. Back again: let them go out.
    A change older than one applied already (a late retry, say) is left alone."""
    user = event["user"]
    deps = deps_of(context)
    changed_at = int(user.get("updated") or body.get("event_time") or 0)
    with deps.uow() as uow:
        if not slack_events.newer_account_change(uow, context.team_id, user["id"], changed_at,
                                                 bool(user.get("deleted"))):
            log.info("ignored an account change older than the one applied")
            return
    with deps.uow() as uow:
        if user.get("deleted"):
            paused = personal_data.pause_for_deactivated(uow, context.team_id, user["id"])
            log.info("a deactivated user's relationships hold %d nudges", paused)
        else:
            resumed = personal_data.resume_for_reactivated(uow, context.team_id, user["id"])
            if resumed:
                log.info("a reactivated user's relationships resume %d nudges", resumed)
    # Their cached profile says otherwise now.
    deps.directory.forget(context.team_id, user["id"])

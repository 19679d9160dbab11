"""`/mentor report`: the programme's health, for coordinators and workspace admins only."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.flows.deps import Deps
from bot.messages.report import report_blocks
from bot.services import report
from handlers.context import deps_of

REFUSAL = ("The programme report is for coordinators and workspace admins. If you run the "
           "programme, ask whoever installed mentorbot to add you to COORDINATORS.")


def may_see_report(deps: Deps, team_id: str, user_id: str) -> bool:
    return user_id in deps.settings.coordinator_ids or deps.directory.is_workspace_admin(
        team_id, user_id)


def send_report(client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    if not may_see_report(deps, context.team_id, context.user_id):
        context.respond(text=REFUSAL, response_type="ephemeral")
        return
    now = deps.now()
    with deps.reader() as uow:
        figures = report.programme(uow, context.team_id, now)
    tz = deps.directory.tz_of(context.team_id, context.user_id, now)
    context.respond(text="Mentoring programme report", response_type="ephemeral",
                    blocks=report_blocks(figures, now, tz))
    channel = client.conversations_open(users=context.user_id)["channel"]["id"]
    client.files_upload_v2(channel=channel, content=report.as_csv(figures),
                           filename=f"mentoring-report-{now:%Y-%m-%d}.csv",
                           title="Mentoring programme report (CSV)")

"""`/mentor report`: the programme's health in figures, for coordinators and workspace
admins only; never anyone's words."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.errors import DomainError
from bot.flows.deps import Deps
from bot.flows.port import SlackPort
from bot.messages.report import report_blocks
from bot.services import report

REFUSAL = ("The programme report is for coordinators and workspace admins. If you run the "
           "programme, ask whoever installed mentorbot to add you to COORDINATORS.")


def may_see_report(deps: Deps, team_id: str, user_id: str) -> bool:
    # A live read of the admin flag: who may see the figures is never taken from a cache.
    return user_id in deps.settings.coordinator_ids or deps.directory.is_workspace_admin(
        team_id, user_id)


def programme(deps: Deps, slack: SlackPort, team_id: str, user_id: str,
              show: Callable[[list[dict]], None]) -> None:
    """The report, shown to the asker alone (`show`), and its CSV in their DM. Raises
    DomainError for anyone else."""
    if not may_see_report(deps, team_id, user_id):
        raise DomainError(REFUSAL)
    now = deps.now()
    with deps.reader() as uow:
        figures = report.programme(uow, team_id, now)
    show(report_blocks(figures, now, deps.directory.tz_of(team_id, user_id, now)))
    slack.upload(slack.open_conversation(user_id), report.as_csv(figures),
                 f"mentoring-report-{now:%Y-%m-%d}.csv", "Mentoring programme report (CSV)")

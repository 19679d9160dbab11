"""The coordinator's report as a message: figures only."""

from __future__ import annotations

from datetime import datetime

from bot.domain.health import share
from bot.domain.relationship import State
from bot.messages.kit import context, header, section
from bot.services.report import ProgrammeReport
from bot.support.timefmt import when


def percent(part: int, whole: int) -> str:
    value = share(part, whole)
    return "n/a" if value is None else f"{round(100 * value)}% ({part} of {whole})"


def report_blocks(report: ProgrammeReport, now: datetime, tz: str) -> list[dict]:
    totals, states = report.totals, report.by_state
    by_state = " · ".join(f"{state.value}: {states[state]}" for state in State if states[state])
    return [
        header("Mentoring programme report"),
        section(f"*Relationships:* {len(report.relationships)}\n{by_state or 'none yet'}"
                + (f"\nOf these, single mentoring conversations: {report.conversations}"
                   if report.conversations else "")),
        section(f"*Meetings held:* {totals.held} · the agreements expect {totals.expected} "
                f"by now · {totals.planned} were booked for a time now past\n"
                f"*Agendas sent on time* (by each pair's agreed lead time): "
                f"{percent(totals.agendas_on_time, totals.planned)}\n"
                f"*Thanks sent:* {percent(totals.thanks_sent, totals.held)}\n"
                f"*Late reschedules:* {totals.late_changes} (asked by mentees "
                f"{totals.late_by_mentee}, by mentors {totals.late_by_mentor})\n"
                f"*Stalled* (active, and no meeting for twice the agreed cadence, or past "
                f"the agreed end): {report.stalled}\n"
                f"*Lapsed* (closed by mentorbot after nothing was booked or decided): "
                f"{report.lapsed[0]} relationships, {report.lapsed[1]} conversations"),
        context(f"As of {when(now, tz)}. Figures only: agendas, takeaways, thanks, "
                "reflections and reasons are never part of a report. The CSV with one row "
                "per relationship is in your DM with mentorbot."),
    ]

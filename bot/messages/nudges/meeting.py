"""Messages of the nudges around one meeting."""

from __future__ import annotations

from bot.domain.invitation import MeetingFormat
from bot.domain.nudges import meeting as kinds
from bot.domain.nudges.model import NudgeKind
from bot.messages import ids
from bot.messages.kit import actions, button, context, escape, link, section
from bot.messages.meetings import CALL_LABEL, meeting_value, send_agenda_button
from bot.messages.nudges.inputs import Builder
from bot.services.meetings import MeetingView
from bot.support.timefmt import when


def agenda_nudge(meeting: MeetingView, tz: str, last_call: bool,
                 tip: str | None = None) -> tuple[str, list[dict]]:
    rel = meeting.relationship
    start = when(meeting.plan.starts_at, tz)
    if last_call:
        text = (f"Your session with <@{rel.mentor_id}> is tomorrow ({start}) and they have no "
                "topics yet. Send them now, or move the meeting if you need more time.")
        return text, [section(text), actions(
            button("Send the agenda", ids.SEND_AGENDA, meeting_value(meeting), style="primary"),
            button("Reschedule", ids.MEETING_RESCHEDULE, meeting_value(meeting)),
            block_id="agenda_prompt")]
    text = (f"Time to send your topics for the session with <@{rel.mentor_id}> on "
            f"{start}: a mentor who knows the agenda comes prepared.")
    tip_line = [context(f":seedling: {tip}")] if tip else []
    return text, [section(text), *tip_line, send_agenda_button(meeting)]


def _where(meeting: MeetingView) -> str:
    plan = meeting.plan
    if plan.meeting_format is MeetingFormat.VIDEO:
        return f"Link: {link(plan.link, CALL_LABEL)}"
    return escape(plan.place) if plan.place else plan.meeting_format.label.capitalize()


def logistics_check(meeting: MeetingView, tz: str, mentor_tz: str) -> tuple[str, list[dict]]:
    """The day before: her checklist. With no topics yet it is also the agenda's last call,
    in one message rather than two saying the same thing."""
    rel, plan = meeting.relationship, meeting.plan
    if meeting.agenda:
        text = f"Tomorrow you meet <@{rel.mentor_id}>. A quick logistics check:"
    else:
        text = (f"Tomorrow you meet <@{rel.mentor_id}>, and they have no topics yet: send "
                "them now, or move the meeting if you need more time. Then a quick check:")
    checklist = "\n".join([
        f"• The time: *{when(plan.starts_at, tz)}* for you, "
        f"*{when(plan.starts_at, mentor_tz)}* for them",
        "• It is in your calendar (if not, add the calendar file from your conversation "
        "with them)",
        f"• {_where(meeting)}" + (" (open it once to test it)"
                                 if plan.meeting_format is MeetingFormat.VIDEO else ""),
        "• :white_check_mark: agenda sent" if meeting.agenda else
        "• :warning: no agenda yet",
    ])
    value = meeting_value(meeting)
    if meeting.agenda:
        buttons = [button("All set", ids.LOGISTICS_CONFIRM, value, style="primary")]
    else:
        buttons = [button("Send the agenda", ids.SEND_AGENDA, value, style="primary"),
                   button("All set", ids.LOGISTICS_CONFIRM, value),
                   button("Reschedule", ids.MEETING_RESCHEDULE, value)]
    return text, [section(f"{text}\n{checklist}"),
                  actions(*buttons, block_id="logistics_check")]


def mentor_briefing(meeting: MeetingView, tz: str,
                    confidentiality: str | None = None) -> tuple[str, list[dict]]:
    rel, plan = meeting.relationship, meeting.plan
    text = (f"Tomorrow: mentoring with <@{rel.mentee_id}>, {when(plan.starts_at, tz)} "
            f"({plan.minutes} min). {_where(meeting)}")
    blocks = [section(text)]
    if meeting.agenda:
        blocks.append(section(f"*Their topics*\n{escape(meeting.agenda.topics)}"))
    else:
        where = "the meeting's message in your conversation" if meeting.booking else \
            "a message here"
        blocks.append(context(f"No topics from <@{rel.mentee_id}> yet: when they send them, "
                              f"they'll be on {where}."))
    if meeting.first:
        # One line, not a lecture: the connection starts with his story too.
        line = ("Your first session: share your own path too, including the choices that "
                "were hard.")
        if confidentiality:
            line += f" You agreed: “{escape(confidentiality)}”"
        blocks.append(context(line))
    return text, blocks


def _confidentiality(agreement) -> str | None:
    """The agreed confidentiality term, quoted as why it is safe to share."""
    if agreement is None:
        return None
    return next((t for t in agreement.draft.terms if "confiden" in t.lower()), None)


def starting_soon(meeting: MeetingView, reader_id: str, tz: str) -> tuple[str, list[dict]]:
    rel, plan = meeting.relationship, meeting.plan
    other = rel.mentor_id if reader_id == rel.mentee_id else rel.mentee_id
    text = (f"Starting soon: mentoring with <@{other}> at {when(plan.starts_at, tz)}. "
            f"{_where(meeting)}")
    return text, [section(text)]


def after_meeting_nudge(meeting: MeetingView, tz: str, again: bool) -> tuple[str, list[dict]]:
    rel = meeting.relationship
    if again:
        text = (f"A thank-you to <@{rel.mentor_id}> for your session on "
                f"{when(meeting.plan.starts_at, tz)} is still to send. Two lines are enough: "
                "what you took away, and what you'll do with it.")
    else:
        text = (f"How did your session with <@{rel.mentor_id}> go? Log it, keep your "
                "takeaways (only you see them), and send a thank-you.")
    return text, [section(text), actions(
        button("Log it and say thanks", ids.OPEN_AFTER_MEETING, meeting_value(meeting),
               style="primary"), block_id="after_meeting")]


MESSAGES: dict[NudgeKind, Builder] = {
    kinds.AGENDA_DUE: lambda n: agenda_nudge(n.meeting, n.tz, last_call=False,
                                             tip=n.connection_tip),
    kinds.AGENDA_LAST_CALL: lambda n: agenda_nudge(n.meeting, n.tz, last_call=True),
    kinds.LOGISTICS_CHECK: lambda n: logistics_check(n.meeting, n.tz, n.other_tz),
    kinds.MENTOR_BRIEFING: lambda n: mentor_briefing(n.meeting, n.tz,
                                                     _confidentiality(n.agreement)),
    kinds.STARTING_SOON_MENTEE: lambda n: starting_soon(n.meeting, n.recipient_id, n.tz),
    kinds.STARTING_SOON_MENTOR: lambda n: starting_soon(n.meeting, n.recipient_id, n.tz),
    kinds.AFTER_MEETING: lambda n: after_meeting_nudge(n.meeting, n.tz, again=False),
    kinds.THANKS_REMINDER: lambda n: after_meeting_nudge(n.meeting, n.tz, again=True),
}

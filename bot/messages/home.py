"""The App Home tab: each person's relationships, what they owe, and how each is going."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from bot.domain.health import Health
from bot.domain.relationship import Role, State
from bot.domain.timeline import elapsed
from bot.domain.todos import Todo, TodoItem
from bot.messages import ids
from bot.messages.kit import actions, button, context, divider, header, mention, section
from bot.services.overview import Ask, Standing, Waiting
from bot.support.timefmt import day, local_today, when

BLOCK_LIMIT = 100  # Slack refuses a Home view with more
MAX_TODOS = 10
MAX_WAITING = 5  # two blocks each
# Kept free for what follows the relationships: the closing divider and the start buttons.
_FRAME = 2

_TODO_TEXT = {
    Todo.SEND_AGREEMENT: ("Send the expectations agreement to {mentor}", "Write it",
                          ids.OPEN_AGREEMENT),
    Todo.SEND_AGENDA: ("Send your topics to {mentor} for {meeting}", "Send topics",
                       ids.SEND_AGENDA),
    Todo.CONFIRM_LOGISTICS: ("Confirm the logistics for {meeting} with {mentor}: invitation "
                             "accepted, link tested, time checked in both zones",
                             "All set", ids.LOGISTICS_CONFIRM),
    Todo.LOG_AND_THANK: ("Log {meeting} with {mentor} and say thanks", "Log it",
                         ids.OPEN_AFTER_MEETING),
    Todo.SCHEDULE_NEXT: ("Schedule your next meeting with {mentor}", "Schedule",
                         ids.OPEN_SCHEDULE),
}


def home_view(user_id: str, standings: list[Standing], has_readiness: bool, now: datetime,
              tz: str, reminders: list[dict] | None = None,
              offer: list[dict] | None = None) -> dict:
    """`reminders`: the person's reminder settings line, shown once they have a
    relationship (a newcomer has nothing to be reminded of). `offer`: their own offer to
    mentor, when they made one."""
    blocks = [header("mentorbot")]
    if not standings:
        blocks += [*_welcome(), *([divider(), *offer] if offer else [])]
    else:
        waiting = [(s, item) for s in standings for item in s.waiting][:MAX_WAITING]
        if waiting:
            blocks.append(section("*Waiting for your answer*"))
            for standing, item in waiting:
                blocks += _waiting(standing, item, tz)
            blocks.append(divider())
        owed = sorted((item for s in standings for item in s.todos), key=lambda i: i.due_at)
        mentors = {s.relationship.id: s.relationship.mentor_id for s in standings}
        if owed:
            blocks += [section("*Your to-dos*"),
                       *(_todo(item, mentors[item.relationship_id], now, tz)
                         for item in owed[:MAX_TODOS])]
            if len(owed) > MAX_TODOS:
                blocks.append(context(f"…and {len(owed) - MAX_TODOS} more after these."))
            blocks.append(divider())
        tail = [divider(), *(offer or []), *(reminders or [])]
        room = BLOCK_LIMIT - _FRAME - len(tail) - len(blocks)
        blocks += [*_relationships(standings, room, now, tz), *tail]
    blocks.append(divider())
    readiness_label = "Review your answers" if has_readiness else "Answer the readiness questions"
    blocks.append(actions(
        button(readiness_label, ids.OPEN_READINESS, style=None if has_readiness else "primary"),
        button("Invite a mentor", ids.OPEN_INVITE),
        *([] if offer else [button("Offer to mentor", ids.OPEN_OFFER)]),
        block_id="home_start",
    ))
    return {"type": "home", "blocks": blocks}


def _waiting(standing: Standing, item: Waiting, tz: str) -> list[dict]:
    rel = standing.relationship
    value = str(rel.id)
    match item.ask:
        case Ask.ANSWER_INVITATION:
            text = (f"{mention(rel.mentee_id)} asks you to be their mentor: "
                    f"{rel.terms.summary(rel.invitation.meeting_format)}. Reply by "
                    f"{when(item.reply_by, tz)}; the whole invitation is in your DMs.")
            buttons = [button("Accept", ids.INVITE_ACCEPT, value, style="primary"),
                       button("Suggest changes", ids.INVITE_SUGGEST, value),
                       button("Decline", ids.INVITE_DECLINE, value)]
        case Ask.ANSWER_COUNTER:
            text = (f"{mention(rel.mentor_id)} would mentor you with a change: "
                    f"{rel.counter.summary(rel.proposed_format)}.")
            buttons = [button("Accept changes", ids.COUNTER_ACCEPT, value, style="primary"),
                       button("Withdraw", ids.INVITE_WITHDRAW, value)]
        case Ask.CONFIRM_AGREEMENT:
            other = rel.mentee_id if standing.role is Role.MENTOR else rel.mentor_id
            text = (f"{mention(other)} sent version {item.version} of your agreement; the "
                    "terms are in your DMs.")
            answer = f"{rel.id}:{item.version}"
            buttons = [button("Confirm", ids.AGREEMENT_CONFIRM, answer, style="primary"),
                       button("Suggest an edit" if standing.role is Role.MENTOR else "Revise",
                              ids.AGREEMENT_EDIT, answer)]
        case Ask.ANSWER_CONTINUATION:
            text = (f"{mention(rel.mentee_id)} would like to continue for {item.months} more "
                    f"month{'s' if item.months != 1 else ''}, on the same terms.")
            buttons = [button("Continue together", ids.CONTINUE_CONFIRM, value,
                              style="primary"),
                       button("Not this time", ids.CONTINUE_DECLINE, value)]
    return [section(text), actions(*buttons, block_id=f"wait_{item.ask.value}_{rel.id}")]


def _welcome() -> list[dict]:
    return [
        section("mentorbot helps you find a mentor and make the relationship work, with you "
                "in the driver's seat: a clear invitation, agreed expectations, and "
                "meetings you prepare and follow up."),
        section("Start by answering five short questions: they make your invitation "
                "specific, and specific invitations get a yes."),
    ]


def _todo(item: TodoItem, mentor_id: str, now: datetime, tz: str) -> dict:
    sentence, label, action_id = _TODO_TEXT[item.todo]
    meeting = f"the session on {when(item.starts_at, tz)}" if item.starts_at else ""
    text = "• " + sentence.format(mentor=f"<@{mentor_id}>", meeting=meeting)
    due = "was due" if item.due_at <= now else "due"
    text += f"\n_{due} {when(item.due_at, tz)}_"
    value = str(item.meeting_id if item.meeting_id is not None else item.relationship_id)
    return section(text, block_id=f"todo_{item.todo.value}_{value}",
                   accessory=button(label, action_id, value))


def _relationships(standings: list[Standing], room: int, now: datetime, tz: str) -> list[dict]:
    """Each relationship in two blocks while they fit in `room`; the rest summed up in one
    line, so a person with many past relationships still gets a Home Slack accepts."""
    blocks: list[dict] = []
    hidden: list[Standing] = []
    room -= 1  # the summary line
    for role, title in ((Role.MENTEE, "*As mentee*"), (Role.MENTOR, "*As mentor*")):
        mine = [s for s in standings if s.role is role]
        titled = bool(mine) and len(blocks) + 3 <= room
        if titled:
            blocks.append(section(title))
        for standing in mine:
            if titled and len(blocks) + 2 <= room:
                blocks += _standing(standing, now, tz)
            else:
                hidden.append(standing)
    if hidden:
        by_state = Counter(s.relationship.state.value for s in hidden)
        counts = ", ".join(f"{n} {state}" for state, n in sorted(by_state.items()))
        blocks.append(context(f"…and {len(hidden)} more, not shown here ({counts})."))
    return blocks


def _standing(standing: Standing, now: datetime, tz: str) -> list[dict]:
    rel = standing.relationship
    other = rel.mentor_id if standing.role is Role.MENTEE else rel.mentee_id
    terms = rel.terms.summary(rel.invitation.meeting_format)
    line = f"{mention(other)} · *{rel.state.value}* · {terms}"
    if rel.state is State.ACTIVE:
        line += "\n" + _gap_line(standing, now, tz)
    return [section(line), context(_health_line(standing.health, standing.role))]


def _gap_line(standing: Standing, now: datetime, tz: str) -> str:
    """Where an active pair stands: the last meeting, and whether the next is booked. The
    mentor reads it instead of being messaged while he waits on her."""
    last = (f"last met {elapsed(standing.last_met_at, now)} ago "
            f"({day(local_today(standing.last_met_at, tz))})" if standing.last_met_at
            else "not met yet")
    if standing.next_meeting_at is not None:
        return f"Next meeting: *{when(standing.next_meeting_at, tz)}* · {last}"
    began = (f", {elapsed(standing.active_at, now)} since it began"
             if standing.last_met_at is None and standing.active_at else "")
    return f"Nothing booked · {last}{began}"


def held_against_expected(health: Health) -> str:
    """Both numbers, plainly: what was held, and what the agreed cadence asks for."""
    held = f"{health.held}" if health.held else "none yet"
    if not health.expected:
        return f"Meetings held: {held}"
    return f"Meetings held: {held}, of {health.expected} the agreement expects by now"


def _health_line(health: Health, role: Role) -> str:
    """The mentee's duty figures are feedback to the one who drives, so hers alone; the
    mentor sees where things stand. No one is shown a tally of late changes."""
    if role is not Role.MENTEE or not health.planned:
        return held_against_expected(health) + "."
    return (f"{held_against_expected(health)} · agendas on time: "
            f"{health.agendas_on_time} of {health.planned} · thanks sent: "
            f"{health.thanks_sent} of {health.held}")

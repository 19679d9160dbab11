"""The forms about meetings: booking one (at an hour that suits both), moving it, and the
forms of one clicked meeting; and the line under the date and time that says what they
are for the mentor, kept current as she picks."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from bot.domain.errors import DomainError
from bot.domain.meetings import Clock, kind_start
from bot.domain.relationship import Role
from bot.flows import meetings as meeting_flows
from bot.flows.deps import Deps
from bot.messages import ids
from bot.messages.meetings import schedule_modal, their_time
from bot.services import meetings, preferences, relationships, usual_times
from bot.support.timefmt import when, zone


def schedule_form(deps: Deps, team_id: str, user_id: str, *,
                  relationship_id: int | None = None, other_id: str | None = None,
                  unless_booked: bool = False) -> dict:
    """Raises DomainError, for the caller to show, unless this mentee can schedule now.
    `unless_booked`: a nudge asking for the next meeting, which may be booked already."""
    now = deps.now()
    with deps.reader() as uow:
        rel = meetings.schedulable(uow, team_id, user_id, relationship_id=relationship_id,
                                   other_id=other_id)
        ahead = meetings.next_booked(uow, rel.id, now) if unless_booked else None
    if ahead is not None:
        tz = deps.directory.tz_of(team_id, user_id, now)
        raise DomainError(f"Booked already: your next session with <@{rel.mentor_id}> is on "
                          f"{when(ahead, tz)}.")
    tz = deps.directory.tz_of(team_id, user_id, now)
    mentor = mentor_clock(deps, rel, now)
    with deps.reader() as uow:
        hers = Clock(tz, preferences.of(uow, team_id, user_id).quiet_hours(deps.quiet_hours))
        slots = usual_times.offered(uow, usual_times.Booking(
            rel, rel.terms.minutes, mentor.zone, hers.zone), now)
    # A week out is the usual first suggestion, at an hour that suits them both.
    start = kind_start(now + timedelta(days=7), hers, mentor)
    return schedule_modal(rel, start, tz, mentor, slots=slots)


def mentor_clock(deps: Deps, rel: relationships.RelationshipView, now: datetime) -> Clock:
    """His zone and quiet hours, for showing what a time the mentee picks is for him."""
    with deps.reader() as uow:
        prefs = preferences.of(uow, rel.team_id, rel.mentor_id)
    return Clock(deps.directory.tz_of(rel.team_id, rel.mentor_id, now),
                 prefs.quiet_hours(deps.quiet_hours))


def meeting_form(deps: Deps, team_id: str, user_id: str, meeting_id: int,
                 sequence: int | None, build, *, role: Role = Role.MENTEE,
                 refusal: str) -> dict:
    """A form about one clicked meeting (agenda, reschedule, log, ask to move), for the
    one of the two who may use it, while the button still speaks for the meeting."""
    meeting = meeting_flows.clicked(deps, team_id, user_id, meeting_id, sequence, role=role,
                                    refusal=refusal)
    return build(meeting, deps.directory.tz_of(team_id, user_id, deps.now()))


def reschedule_form(deps: Deps, team_id: str, user_id: str, meeting_id: int,
                    sequence: int | None) -> dict:
    now = deps.now()

    def build(meeting: meetings.MeetingView, tz: str) -> dict:
        rel = meeting.relationship
        mentor = mentor_clock(deps, rel, now)
        with deps.reader() as uow:
            slots = usual_times.offered(uow, usual_times.Booking(
                rel, meeting.plan.minutes, mentor.zone, zone(tz), moving=meeting.id), now)
        return schedule_modal(rel, now, tz, mentor, meeting, slots=slots)

    return meeting_form(deps, team_id, user_id, meeting_id, sequence, build,
                        refusal="As the mentor, use Ask to reschedule; the mentee moves it.")


def their_time_now(deps: Deps, team_id: str, user_id: str, relationship_id: int,
                   day: date, clock: time) -> dict:
    """The line under the schedule form's date and time: what they are for the mentor."""
    with deps.reader() as uow:
        rel = relationships.get(uow, team_id, relationship_id, user_id)
    now = deps.now()
    tz = deps.directory.tz_of(team_id, user_id, now)
    start = datetime.combine(day, clock, tzinfo=zone(tz))
    return their_time(rel, start, mentor_clock(deps, rel, now))


def slot_chosen(deps: Deps, team_id: str, user_id: str, relationship_id: int,
                slot: int) -> tuple[dict, date, time]:
    """A slot of his usual times (a Unix time) as her date and time, and the line that says
    what it is for him."""
    tz = deps.directory.tz_of(team_id, user_id, deps.now())
    local = datetime.fromtimestamp(slot, UTC).astimezone(zone(tz))
    day, clock = local.date(), local.time().replace(second=0, microsecond=0, tzinfo=None)
    return their_time_now(deps, team_id, user_id, relationship_id, day, clock), day, clock


def with_picks(blocks: list[dict], line: dict, day: date, clock: time, *,
               slot: str | None = None) -> list[dict]:
    """The schedule form as she set it, with the mentor's time under it. Slack keeps an
    input's value while its block id stays, and an update's new initial value shows only
    under a new block id: a date or time she picks (`slot` None) chooses "Another time"
    among his usual ones; a slot she chooses (`slot`, its value) moves the date and time
    to it."""
    picked = {ids.MEETING_DATE: ("initial_date", day.isoformat()),
              ids.MEETING_TIME: ("initial_time", clock.strftime("%H:%M"))}
    renamed = f"{day}.{clock:%H%M}"
    shown = []
    for block in blocks:
        action_id = block.get("element", {}).get("action_id")
        if block.get("block_id") == ids.THEIR_TIME:
            shown.append(line)
        elif action_id == ids.USUAL_SLOT:
            element = block["element"]
            chosen = next(o for o in element["options"]
                          if o["value"] == (slot or ids.ANOTHER_TIME))
            shown.append({**block, "element": {**element, "initial_option": chosen},
                          **({} if slot else {"block_id": f"{ids.USUAL_SLOT}.{renamed}"})})
        elif action_id in picked:
            key, value = picked[action_id]
            shown.append({**block, "element": {**block["element"], key: value},
                          **({"block_id": f"{action_id}.{renamed}"} if slot else {})})
        else:
            shown.append(block)
    return shown

"""The forms about meetings: booking one (at an hour that suits both), moving it, and the
forms of one clicked meeting; and the line under the date and time that says what they
are for the mentor, kept current as she picks."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

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


def with_picks(blocks: list[dict], line: dict, day: date, clock: time) -> list[dict]:
    """The schedule form as she set it, with the mentor's time under it: Slack keeps her
    picks across an update anyway, and the form says them too. A date or time she picks
    chooses "Another time" among his usual ones: Slack keeps an input's choice while its
    block id stays, so the choice gets a block id of its own for each pick."""
    picked = {ids.MEETING_DATE: ("initial_date", day.isoformat()),
              ids.MEETING_TIME: ("initial_time", clock.strftime("%H:%M"))}
    shown = []
    for block in blocks:
        if block.get("block_id") == ids.THEIR_TIME:
            shown.append(line)
        elif block.get("element", {}).get("action_id") == ids.USUAL_SLOT:
            element = block["element"]
            another = next(o for o in element["options"] if o["value"] == ids.ANOTHER_TIME)
            shown.append({**block, "block_id": f"{ids.USUAL_SLOT}.{day}.{clock:%H%M}",
                          "element": {**element, "initial_option": another}})
        elif block.get("block_id") in picked:
            key, value = picked[block["block_id"]]
            shown.append({**block, "element": {**block["element"], key: value}})
        else:
            shown.append(block)
    return shown

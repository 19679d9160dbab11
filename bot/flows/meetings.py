"""A meeting's use cases: booked or moved, its agenda, its logistics, cancelled, a move
the mentor asks for, and the log and thanks after. Each commits, then tells both where
they see it (their conversation, else each one's DM)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from bot.domain.connection import Shared
from bot.domain.errors import DomainError
from bot.domain.meetings import MeetingPlan
from bot.domain.relationship import Role, State
from bot.flows.deps import Deps
from bot.flows.dm import send_dm, send_thanks, update_dm
from bot.flows.meeting_notices import announce
from bot.flows.port import SlackPort
from bot.messages import shared
from bot.messages.conversation import conversation_complete
from bot.messages.meetings import agenda_for_mentor, change_request
from bot.messages.usual_times import with_fresh_slots
from bot.services import afterwards, meetings, relationships, usual_times
from bot.services.meetings import Agenda, MeetingView
from bot.support.timefmt import when, zone

# Said in the form she used: (title, text).
Answer = Callable[[str, str], None]


def clicked(deps: Deps, team_id: str, user_id: str, meeting_id: int, sequence: int | None,
            *, role: Role | None = None, refusal: str = "") -> MeetingView:
    """The meeting a button is about, for a clicker who has `role` in it (else
    DomainError(refusal)), if the button still speaks for it: cancelled, or moved (said
    in the clicker's own time), it refuses. Who may act is said first."""
    with deps.reader() as uow:
        meeting = meetings.get(uow, team_id, meeting_id, user_id)
    if role is not None and meeting.relationship.role_of(user_id) is not role:
        raise DomainError(refusal)
    try:
        return meetings.still_current(meeting, sequence)
    except meetings.Moved as moved:
        tz = deps.directory.tz_of(team_id, user_id, deps.now())
        raise DomainError(f"That meeting was moved to *{when(moved.meeting.plan.starts_at, tz)}*"
                          " (your time): the newer message has its buttons.") from None


def schedule(deps: Deps, slack: SlackPort, team_id: str, mentee_id: str,
             relationship_id: int, meeting_id: int | None, plan: MeetingPlan,
             answer: Callable[[], None], *, from_slot: bool = False) -> None:
    """A new meeting, or `meeting_id` moved to `plan` (meetings.Refused: what to fix).
    `from_slot`: a slot inside his usual times; SlotGone if it was booked since the form
    offered it."""
    now = deps.now()
    booking = _slot_booking(deps, team_id, mentee_id, relationship_id, meeting_id, plan) \
        if from_slot else None
    with deps.uow() as uow:
        if booking is not None:
            try:
                usual_times.still_free(uow, booking, plan.starts_at, now)
            except usual_times.SlotTaken as taken:
                raise SlotGone(taken, booking) from None
        if meeting_id:
            change = meetings.reschedule(uow, team_id, meeting_id, mentee_id, plan, now,
                                         deps.timing)
            meeting = change.meeting
        else:
            change = None
            meeting = meetings.schedule(uow, team_id, relationship_id, mentee_id, plan, now,
                                        deps.timing)
    answer()
    announce(deps, slack, meeting, now, headline=shared.MOVED if change else shared.BOOKED,
             change=change)


class SlotGone(DomainError):
    """Her slot was booked since the form offered it: nothing is booked."""

    def __init__(self, taken: usual_times.SlotTaken, booking: usual_times.Booking) -> None:
        super().__init__(str(taken))
        self._taken, self._booking = taken, booking

    def refreshed(self, blocks: list[dict]) -> list[dict]:
        """Her form as she filled it, offering the slots free now, the next one chosen."""
        booking = self._booking
        return with_fresh_slots(blocks, booking.rel.mentor_id, self._taken.taken,
                                self._taken.free, booking.her_zone.key, booking.his_zone.key)


def _slot_booking(deps: Deps, team_id: str, mentee_id: str, relationship_id: int,
                  meeting_id: int | None, plan: MeetingPlan) -> usual_times.Booking:
    # Both zones before the transaction: Slack may be asked for one.
    with deps.reader() as uow:
        rel = relationships.get(uow, team_id, relationship_id, mentee_id)
    now = deps.now()
    return usual_times.Booking(rel, plan.minutes,
                               zone(deps.directory.tz_of(team_id, rel.mentor_id, now)),
                               zone(deps.directory.tz_of(team_id, mentee_id, now)),
                               moving=meeting_id)


def send_agenda(deps: Deps, slack: SlackPort, team_id: str, mentee_id: str, meeting_id: int,
                agenda: Agenda, answer: Answer) -> None:
    """Her topics: on the meeting's message for both, in place (else a DM to him)."""
    now = deps.now()
    with deps.uow() as uow:
        sent = meetings.send_agenda(uow, team_id, meeting_id, mentee_id, agenda, now,
                                    deps.timing)
    meeting = sent.meeting
    rel = meeting.relationship
    answer("Agenda sent", _where_it_went(sent))
    if meeting.booking is not None:
        tz = deps.directory.tz_of(rel.team_id, rel.mentee_id, now)
        update_dm(slack, meeting.booking, *shared.booking(meeting, tz))
        return
    mentor_tz = deps.directory.tz_of(rel.team_id, rel.mentor_id, now)
    send_dm(slack, rel.mentor_id, f"Agenda from <@{rel.mentee_id}>",
            agenda_for_mentor(meeting, mentor_tz))


def _where_it_went(sent: meetings.AgendaSent) -> str:
    meeting = sent.meeting
    mentor = f"<@{meeting.relationship.mentor_id}>"
    where = ["on the meeting's message in your conversation" if meeting.booking is not None
             else "in a direct message"]
    if sent.in_briefing:
        where.append("in their reminder the day before")
    return f"{mentor} has your topics, {' and '.join(where)}."


def confirm_logistics(deps: Deps, team_id: str, mentee_id: str, meeting_id: int,
                      sequence: int | None, show: Callable[[str], None]) -> None:
    clicked(deps, team_id, mentee_id, meeting_id, sequence)
    with deps.uow() as uow:
        meeting = meetings.confirm_logistics(uow, team_id, meeting_id, mentee_id, deps.now())
    show(f":white_check_mark: Logistics confirmed for tomorrow with "
         f"<@{meeting.relationship.mentor_id}>. Enjoy the session.")


def cancel(deps: Deps, slack: SlackPort, team_id: str, mentee_id: str, meeting_id: int,
           sequence: int | None) -> None:
    clicked(deps, team_id, mentee_id, meeting_id, sequence)
    now = deps.now()
    with deps.uow() as uow:
        change = meetings.cancel(uow, team_id, meeting_id, mentee_id, now, deps.timing)
    announce(deps, slack, change.meeting, now, headline=shared.CANCELLED, change=change,
             cancelled=True)


def move_to_proposed(deps: Deps, slack: SlackPort, team_id: str, mentee_id: str,
                     meeting_id: int, sequence: int | None, proposed: int,
                     show: Callable[[str], None]) -> None:
    """One click of hers moves it to a time he proposed (`proposed`: a Unix time)."""
    meeting = clicked(deps, team_id, mentee_id, meeting_id, sequence, role=Role.MENTEE,
                      refusal="The mentee moves it; you asked, and they will.")
    plan = replace(meeting.plan, starts_at=datetime.fromtimestamp(proposed, UTC))
    now = deps.now()
    try:
        with deps.uow() as uow:
            change = meetings.reschedule(uow, team_id, meeting.id, mentee_id, plan, now,
                                         deps.timing)
    except meetings.Refused as refused:
        raise DomainError(next(iter(refused.errors.values()))) from None
    tz = deps.directory.tz_of(team_id, mentee_id, now)
    show(f":white_check_mark: Moved to *{when(plan.starts_at, tz)}* (your time).")
    announce(deps, slack, change.meeting, now, headline=shared.MOVED, change=change)


def ask_to_change(deps: Deps, slack: SlackPort, team_id: str, mentor_id: str,
                  meeting_id: int, note: str, proposals: tuple[datetime, ...],
                  answer: Answer) -> None:
    """His request, with his words and times that suit him: on the meeting's message for
    both, and to her with a button per time (meetings.Refused: a time to fix)."""
    now = deps.now()
    with deps.uow() as uow:
        meeting = meetings.ask_to_change(uow, team_id, meeting_id, mentor_id, now, proposals)
    rel = meeting.relationship
    answer("Asked", f"<@{rel.mentee_id}> has your request and moves it; you'll see the new "
           "time on the meeting's message.")
    mentee_tz = deps.directory.tz_of(team_id, rel.mentee_id, now)
    if meeting.booking is not None:
        update_dm(slack, meeting.booking,
                  *shared.booking(meeting, mentee_tz, request=(note, proposals)))
    send_dm(slack, rel.mentee_id, *change_request(meeting, mentee_tz, note, proposals))


def log_afterwards(deps: Deps, slack: SlackPort, team_id: str, mentee_id: str,
                   meeting_id: int, held: bool, takeaways: str, thanks: str,
                   shared_something: Shared | None, answer: Answer, summary: str = "") -> None:
    """Her log, private takeaways, thanks and shared summary; one conversation, held and
    thanked for, is complete, and her thanks is its last word."""
    with deps.uow() as uow:
        meeting = afterwards.log_afterwards(uow, team_id, meeting_id, mentee_id, held, takeaways,
                                          thanks, deps.now(), deps.timing, shared_something,
                                          summary)
    rel = meeting.relationship
    complete = rel.state is State.COMPLETED
    sent = " and ".join(what for what, said in (("thanks", thanks), ("summary", summary))
                        if said)
    answer("Logged", "Logged." + (f" Your {sent} {'are' if thanks and summary else 'is'} in "
                                  f"your conversation with <@{rel.mentor_id}>." if sent else "")
           + (" Your mentoring conversation is complete." if complete else ""))
    if thanks or summary:
        send_thanks(slack, deps, rel, thanks, final=complete, summary=summary)
    if complete:
        send_dm(slack, rel.mentee_id, *conversation_complete(rel))

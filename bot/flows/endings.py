"""Closing a relationship on purpose: complete with a last thank-you, propose to
continue and his answer, end it early. Each commits, then tells; meetings still ahead
leave both calendars."""

from __future__ import annotations

from collections.abc import Callable

from bot.flows.deps import Deps
from bot.flows.dm import send_dm, send_thanks
from bot.flows.meeting_notices import cancel_calendars
from bot.flows.port import SlackPort
from bot.messages.endings import (
    completed_for_mentor,
    continuation_request,
    continued,
    ended_for_ender,
    ended_for_other,
)
from bot.services import endings
from bot.services.nudges import timeline_of

# Said in the form she used, not in a message of its own: (title, text).
Answer = Callable[[str, str], None]


def complete(deps: Deps, slack: SlackPort, team_id: str, mentee_id: str,
             relationship_id: int, reflection: str, thanks: str, answer: Answer,
             goal_now: str = "") -> None:
    with deps.uow() as uow:
        ended = endings.complete(uow, team_id, relationship_id, mentee_id, reflection, thanks,
                                 deps.now(), deps.timing, goal_now)
    rel = ended.relationship
    answer("Completed", f":tada: Completed: your mentoring with <@{rel.mentor_id}>."
           + (" Your thanks is in your conversation." if thanks else "")
           + " Your reflection is kept for you alone.")
    # The mentor's last message is her own thank-you; without one, he is told plainly.
    if thanks:
        send_thanks(slack, deps, rel, thanks, final=True)
    else:
        send_dm(slack, rel.mentor_id, completed_for_mentor(rel))
    cancel_calendars(deps, slack, ended)


def propose_continuation(deps: Deps, slack: SlackPort, team_id: str, mentee_id: str,
                         relationship_id: int, months: int, note: str,
                         answer: Answer) -> None:
    with deps.uow() as uow:
        rel = endings.propose_continuation(uow, team_id, relationship_id, mentee_id, months,
                                           note, deps.now(), deps.timing)
    answer("Proposal sent", f"Your proposal to continue reached <@{rel.mentor_id}>. You'll "
           "hear when they answer.")
    send_dm(slack, rel.mentor_id, *continuation_request(rel, months, note))


def answer_continuation(deps: Deps, slack: SlackPort, team_id: str, mentor_id: str,
                        relationship_id: int, agree: bool, show: Callable[[str], None]
                        ) -> None:
    """His yes or no; `show` puts it in place of the request he clicked."""
    now = deps.now()
    with deps.uow() as uow:
        rel, months = endings.answer_continuation(uow, team_id, relationship_id, mentor_id,
                                                  agree, now, deps.timing)
        ends_at = timeline_of(uow, rel.id)
    if not agree:
        show(f"You chose not to continue with <@{rel.mentee_id}> for now.")
        send_dm(slack, rel.mentee_id,
                f"<@{rel.mentor_id}> would rather not continue for now. Plan your final "
                "session, then close with `/mentor complete` and a last thank-you.")
        return
    for person in (rel.mentee_id, rel.mentor_id):
        said = continued(rel, months, ends_at, deps.directory.tz_of(rel.team_id, person, now))
        if person == mentor_id:
            show(said)
        else:
            send_dm(slack, person, said)


def end_early(deps: Deps, slack: SlackPort, team_id: str, user_id: str,
              relationship_id: int, reason: str, answer: Answer) -> None:
    with deps.uow() as uow:
        ended = endings.end_early(uow, team_id, relationship_id, user_id, reason, deps.now(),
                                  deps.timing)
    rel = ended.relationship
    # Said in the form itself: the one who ended it gets no receipt as a new message.
    answer("Ended", ended_for_ender(rel, user_id))
    other = rel.mentor_id if user_id == rel.mentee_id else rel.mentee_id
    send_dm(slack, other, ended_for_other(rel, ended.by))
    cancel_calendars(deps, slack, ended)

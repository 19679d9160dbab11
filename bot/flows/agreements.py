"""The expectations agreement's use cases: a version put to the other person, a
confirmation, a polite reminder. Each commits its change, then tells."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.agreement import Draft
from bot.domain.relationship import Role
from bot.flows.agreement_notices import put_version, tell_begun
from bot.flows.deps import Deps
from bot.flows.dm import send_dm, update_dm
from bot.flows.port import SlackPort
from bot.messages.agreement import answered, reminder_for_mentor
from bot.services import agreements
from bot.services.relationships import MessageRef

REMINDED = "Sent a polite reminder for you."


def propose(deps: Deps, slack: SlackPort, team_id: str, user_id: str, relationship_id: int,
            draft: Draft, note: str, clicked: MessageRef | None,
            answer: Callable[[str], None]) -> None:
    """A version (or a change to the agreed one) from either side. `answer` is given what
    it came to, to say in the form when no message was clicked: never a receipt."""
    with deps.uow() as uow:
        version = agreements.propose(uow, team_id, relationship_id, user_id, draft,
                                     deps.now(), note, deps.timing)
    rel = version.relationship
    other = rel.mentor_id if version.author is Role.MENTEE else rel.mentee_id
    text = (f"Proposed the change to <@{other}>: once they confirm it, the reminders and the "
            "timeline follow it." if version.adjusting else
            f"Sent version {version.version} of the agreement to <@{other}>.")
    answer(text)
    put_version(slack, deps, version)
    # A version clicked in the pair's conversation was retired there by put_version.
    shared = rel.pair_channel is not None and clicked is not None \
        and clicked.channel == rel.pair_channel
    if clicked is not None and not shared:
        update_dm(slack, clicked, text, answered(version, text))


def confirm(deps: Deps, slack: SlackPort, team_id: str, user_id: str, relationship_id: int,
            version: int | None, clicked: MessageRef | None) -> None:
    with deps.uow() as uow:
        agreed = agreements.confirm(uow, team_id, relationship_id, user_id, version,
                                    deps.now(), deps.timing)
    tell_begun(slack, deps, agreed, user_id, clicked)


def remind(deps: Deps, slack: SlackPort, team_id: str, mentee_id: str, relationship_id: int,
           show: Callable[[str], None]) -> None:
    """Her one polite reminder to the mentor, in her name."""
    with deps.uow() as uow:
        version = agreements.record_reminder(uow, team_id, relationship_id, mentee_id,
                                             deps.now())
    send_dm(slack, version.relationship.mentor_id, reminder_for_mentor(version))
    show(REMINDED)

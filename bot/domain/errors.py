"""Errors the domain raises; each carries a message fit to show the person who acted,
except InviteeRefused, whose words are the builders'."""

from enum import StrEnum


class DomainError(Exception):
    """A rule was broken. `str(error)` is written for the person who tried."""


class NotYourRelationship(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "That belongs to someone else's mentoring relationship, so you can't act on it."
        )


class IllegalTransition(DomainError):
    """The relationship is not in a state where this action makes sense."""


class AlreadyDone(DomainError):
    """The same action was already applied (a double click or a retry)."""


class Refusal(StrEnum):
    """Why a chosen mentor cannot be invited."""

    SELF = "self"
    UNKNOWN = "unknown"
    BOT = "bot"
    DEACTIVATED = "deactivated"
    OTHER_WORKSPACE = "other_workspace"
    ALREADY_OPEN = "already_open"
    MENTOR_FULL = "mentor_full"
    MENTOR_PAUSED = "mentor_paused"  # they paused their offer to mentor
    MENTOR_AT_OWN_LIMIT = "mentor_at_own_limit"  # as many mentees as they offered to take


class InviteeRefused(DomainError):
    """The chosen mentor cannot be invited. The words are the Block Kit builders'
    (`bot/messages/invitation.refusal_text`); this carries the reason and its facts."""

    def __init__(self, reason: Refusal, mentor_id: str, *, state: str | None = None,
                 limit: int | None = None, unanswered: int = 0) -> None:
        super().__init__(reason.value)
        self.reason, self.mentor_id, self.state, self.limit = reason, mentor_id, state, limit
        # Of the places taken, those held by invitations the mentor has not answered yet.
        self.unanswered = unanswered


class Ambiguous(DomainError):
    """More than one relationship fits and the person named none: they choose, mentorbot
    never guesses. `choices` are the candidates, `command` what they were doing."""

    def __init__(self, command: str, choices: list) -> None:
        super().__init__(f"You have more than one mentoring relationship this could be "
                         f"about: say which, e.g. `/mentor {command} @name`.")
        self.command, self.choices = command, choices

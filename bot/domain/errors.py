"""Errors the domain raises; each carries a message fit to show the person who acted."""


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


class InviteeRefused(DomainError):
    """The chosen mentor cannot be invited; the message says why."""


class Ambiguous(DomainError):
    """More than one relationship fits and the person named none: they choose, mentorbot
    never guesses. `choices` are the candidates, `command` what they were doing."""

    def __init__(self, command: str, choices: list) -> None:
        super().__init__(f"You have more than one mentoring relationship this could be "
                         f"about: say which, e.g. `/mentor {command} @name`.")
        self.command, self.choices = command, choices

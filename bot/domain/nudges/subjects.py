"""What a nudge is about, as the outbox keys it: one kind has at most one nudge per
relationship and subject, so planning twice yields one row.

A subject is a string (it is stored and compared as one) made and read only here."""

from __future__ import annotations

from datetime import date, datetime


class Subject(str):
    __slots__ = ()

    @classmethod
    def meeting(cls, meeting_id: int) -> Subject:
        return cls(f"meeting:{meeting_id}")

    @classmethod
    def meeting_version(cls, meeting_id: int, sequence: int) -> Subject:
        """One version of a meeting, as its calendar invitation: a move earns a new one."""
        return cls(f"meeting:{meeting_id}:v{sequence}")

    @classmethod
    def agreement_version(cls, version: int) -> Subject:
        return cls(f"{AGREEMENT}:v{version}")

    @classmethod
    def gap_after(cls, meeting_id: int | None, ask: int = 1) -> Subject:
        """The gap after a meeting (0: after the start), for keeping the rhythm: the first
        ask keeps its old key, so rows planned before a second ask existed still match."""
        base = f"rhythm:{meeting_id or 0}"
        return cls(base if ask == 1 else f"{base}:{ask}")

    @classmethod
    def decision(cls, meeting_id: int | None, ends: datetime | date,
                 proposed: datetime | None = None) -> Subject:
        """What next, after the gap following a meeting (0: after the start) or past the
        end: a booking, a longer timeline or a proposal to continue earns a new ask."""
        base = f"decide:{meeting_id or 0}:{ends:%Y-%m-%d}"
        return cls(base if proposed is None else f"{base}:c{proposed:%Y-%m-%d}")

    @classmethod
    def booking_window(cls, book_by: datetime | date, ask: int | None = None) -> Subject:
        """A conversation's month to book in (with `ask`: one reminder to book in it)."""
        base = f"book_by:{book_by:%Y-%m-%d}"
        return cls(base if ask is None else f"{base}:{ask}")

    @classmethod
    def timeline(cls, ends: datetime | date) -> Subject:
        """Keyed by the end date: a continuation moves the end, and earns a new nudge."""
        return cls(f"timeline:{ends:%Y-%m-%d}")

    @property
    def meeting_id(self) -> int:
        prefix, _, rest = self.partition(":")
        if prefix != "meeting":
            raise ValueError(f"{self!s} is not about a meeting")
        return int(rest.split(":", 1)[0])

    @property
    def sequence(self) -> int:
        """The meeting version a calendar invitation is for."""
        _, _, version = self.removeprefix("meeting:").partition(":v")
        if not self.about_meeting or not version:
            raise ValueError(f"{self!s} is not about a meeting's version")
        return int(version)

    @property
    def version(self) -> int:
        prefix, _, number = self.partition(":v")
        if prefix != AGREEMENT or not number:
            raise ValueError(f"{self!s} is not about an agreement version")
        return int(number)

    @property
    def about_meeting(self) -> bool:
        return self.startswith("meeting:")

    @property
    def about_version(self) -> bool:
        return self.startswith(f"{AGREEMENT}:v")


INVITATION = Subject("invitation")
AGREEMENT = Subject("agreement")
# The agreement not in force long after the yes: the last call, then the lapse.
AGREEMENT_DEADLINE = Subject("agreement:deadline")

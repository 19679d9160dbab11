"""The mentee's private check-in on the connection: did either of them share something real?

Asked after the first and the third meeting, kept for her alone. A "not yet" after the third
brings one tip from the article to her next agenda nudge; nothing else ever reads it.
"""

from __future__ import annotations

from enum import StrEnum


class Shared(StrEnum):
    YES = "yes"
    NOT_YET = "not_yet"

    @property
    def label(self) -> str:
        return "Yes" if self is Shared.YES else "Not yet"


ASKED_AFTER = frozenset({1, 3})
# The meeting whose "not yet" brings the tip: by the third, a purely transactional
# relationship is the pattern the article warns about.
TIP_AFTER = 3

TIP = ("A connection grows when someone goes first: drop the facade, say what you are "
       "struggling with, and ask them about a decision that cost them something.")


def asked_after(ordinal: int) -> bool:
    """Whether the check-in is asked when logging the pair's `ordinal`-th meeting."""
    return ordinal in ASKED_AFTER


def tip_before(ordinal: int, answers: dict[int, Shared]) -> str | None:
    """The tip for the agenda of the `ordinal`-th meeting, given her earlier answers by
    meeting number: only the meeting right after a "not yet" at the third."""
    if ordinal == TIP_AFTER + 1 and answers.get(TIP_AFTER) is Shared.NOT_YET:
        return TIP
    return None

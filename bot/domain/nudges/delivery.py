"""What became of one nudge the dispatcher claimed: the run's tally and the metrics read it."""

from __future__ import annotations

from enum import StrEnum


class DeliveryOutcome(StrEnum):
    SENT = "sent"
    FOUND_SENT = "found_sent"  # a dispatcher that died had sent it: recorded, not resent
    DEFERRED = "deferred"  # the recipient's quiet hours: back to pending until they end
    RATE_LIMITED = "rate_limited"  # Slack's Retry-After: back to pending until it passes
    RETRY = "retry"  # a transient failure: back to pending, later each time
    OBSOLETE = "obsolete"  # no longer true when it came due: dropped, never sent
    FAILED = "failed"  # the recipient is gone, or it failed for good
    STOPPED = "stopped"  # the workspace is gone: this and its others are held or failed
    LOST_CLAIM = "lost_claim"  # its lease ran out and another dispatcher has it now
    ERROR = "error"  # an unexpected failure: left claimed, its lease brings it back

    @property
    def counts_for_email(self) -> bool:
        """An email that went, or that will not: what the email metric tells."""
        return self in (DeliveryOutcome.SENT, DeliveryOutcome.FAILED)

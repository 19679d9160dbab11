"""Tables. Every row carries the Slack team id it belongs to."""

from bot.db.models.base import CLAIMABLE_CONDITION, Base, TeamId, UserId
from bot.db.models.installations import bots, installations, oauth_states
from bot.db.models.meetings import Meeting
from bot.db.models.offers import MentoringOffer
from bot.db.models.outbox import Nudge
from bot.db.models.people import (
    Person,
    ReadinessAnswers,
    ReminderPreferences,
    UsualTimes,
    Workspace,
)
from bot.db.models.relationships import (
    AgreementVersion,
    Invitation,
    InvitationDraft,
    Relationship,
    TransitionRecord,
)
from bot.db.models.schema import SchemaFloor
from bot.db.models.slack_state import AccountChange, ProfileSweep, RateLimitHold, SlackEvent

__all__ = [
    "CLAIMABLE_CONDITION",
    "AccountChange",
    "AgreementVersion",
    "Base",
    "Invitation",
    "InvitationDraft",
    "Meeting",
    "MentoringOffer",
    "Nudge",
    "Person",
    "ProfileSweep",
    "RateLimitHold",
    "ReadinessAnswers",
    "Relationship",
    "ReminderPreferences",
    "SchemaFloor",
    "SlackEvent",
    "TeamId",
    "TransitionRecord",
    "UserId",
    "UsualTimes",
    "Workspace",
    "bots",
    "installations",
    "oauth_states",
]

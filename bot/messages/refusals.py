"""What a mentee is told when the person they chose cannot be invited."""

from __future__ import annotations

from bot.domain.errors import InviteeRefused, Refusal


def refusal_text(refusal: InviteeRefused) -> str:
    who = f"<@{refusal.mentor_id}>"
    match refusal.reason:
        case Refusal.SELF:
            return ("You can't be your own mentor: choose someone whose experience you want "
                    "to learn from.")
        case Refusal.UNKNOWN:
            return "I can't find that person on Slack. Pick someone from the list."
        case Refusal.BOT:
            return f"{who} is an app, not a person. Choose a colleague."
        case Refusal.DEACTIVATED:
            return f"{who}'s account is deactivated, so they can't be invited."
        case Refusal.OTHER_WORKSPACE:
            return (f"{who} belongs to another workspace; mentorbot connects people within "
                    "this one.")
        case Refusal.ALREADY_OPEN:
            return (f"You already have an open mentoring relationship with {who} "
                    f"({refusal.state}). See `/mentor status`.")
        case Refusal.MENTOR_PAUSED:
            return (f"{who} has paused their offer to mentor for now, so they aren't taking "
                    "anyone new. `/mentor find` shows who has room today.")
        case Refusal.MENTOR_AT_OWN_LIMIT if refusal.unanswered:
            mentees = "mentee" if refusal.limit == 1 else "mentees"
            return (f"{who} takes {refusal.limit} {mentees} at once, and every place is taken "
                    f"or held: {_held(refusal.unanswered)}. A place opens if one is declined "
                    "or expires; meanwhile `/mentor find` shows who has room today.")
        case Refusal.MENTOR_AT_OWN_LIMIT:
            return (f"{who} is mentoring as many people as they chose to take at once "
                    f"({refusal.limit}). `/mentor find` shows who has room today; they may "
                    "have a place later.")
        case Refusal.MENTOR_FULL if refusal.unanswered:
            return (f"{who} has {refusal.limit} open mentoring relationships or invitations, "
                    f"the most this workspace allows: {_held(refusal.unanswered)}. A place "
                    "opens if one is declined or expires; ask someone else, or ask them again "
                    "later.")
        case Refusal.MENTOR_FULL:
            return (f"{who} already has {refusal.limit} open mentoring relationships, the "
                    "most this workspace allows. Ask someone else, or ask them again later.")


def _held(unanswered: int) -> str:
    if unanswered == 1:
        return "one is held by an invitation they haven't answered yet"
    return f"{unanswered} are held by invitations they haven't answered yet"

"""Steps a person takes, played through the driver, reused by tests and the benchmark."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select

from bot.db.models import Relationship, TransitionRecord
from slack_emulator import Reply, SlackDriver
from slack_emulator.server import Message

READINESS = {
    "next_goal": "Lead a platform team within two years",
    "strengths": "I ship reliable services and I onboard new engineers well",
    "growth_areas": "Influencing decisions across teams without authority",
    "why_mentor": "I want perspective from someone who has made this move",
}
WHY_THEM = ("Your talk on blameless incident reviews changed how my team learns from failure, "
            "and I want to learn how you built that culture.")
GOOD_OFFER = "Notes from each session that you can reuse with your own team"


def get_ready(slack: SlackDriver, user_id: str) -> None:
    assert slack.slash(user_id, "ready").status == 200
    slack.emulator.wait_for_view(user_id, "readiness")
    assert slack.submit(user_id, READINESS).status == 200
    slack.emulator.wait_for_notice(user_id, "Saved your readiness answers")


def compose(slack: SlackDriver, mentee: str, mentor: str | None, **fill) -> Reply:
    """Open the composer with `/mentor invite` and submit it; returns the submission reply."""
    text = f"invite <@{mentor}|someone>" if mentor else "invite"
    assert slack.slash(mentee, text).status == 200
    slack.emulator.wait_for_view(mentee, "invite_compose")
    values = {"logistics": ["yes"], "offer": GOOD_OFFER, "why_them": WHY_THEM, **fill}
    if mentor is None and "mentor" not in values:
        raise ValueError("say who the mentor is")
    return slack.submit(mentee, values)


def invite(slack: SlackDriver, mentee: str, mentor: str, **fill) -> Message:
    """Ready, compose, preview, send: returns the invitation DM the mentor received."""
    get_ready(slack, mentee)
    reply = compose(slack, mentee, mentor, **fill)
    assert reply.json.get("response_action") == "push", reply.body
    assert slack.submit(mentee).json == {"response_action": "clear"}
    invitation = slack.emulator.wait_for_dm(mentor, "A mentoring invitation")
    # The mentee's confirmation goes out last: after it, the sending is wholly done.
    slack.emulator.wait_for_dm(mentee, "on its way")
    slack.settle()  # what the app does after the message (its ts kept, Homes) is done
    return invitation


def relationships(engine: Engine) -> list[Relationship]:
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        return list(session.scalars(select(Relationship).order_by(Relationship.id)).unique())


def transitions(engine: Engine) -> list[tuple[str, str, str, str]]:
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        rows = session.scalars(select(TransitionRecord).order_by(TransitionRecord.id))
        return [(r.actor_id, r.action, r.from_state, r.to_state) for r in rows]


def make_active(slack: SlackDriver, mentee: str, mentor: str, **terms) -> Message:
    """Invite, accept, send the standard terms (or `terms`), confirm: returns the mentee's
    'Your mentoring has begun' DM."""
    invitation = invite(slack, mentee, mentor)
    slack.click(mentor, invitation, "invite_accept")
    prompt = slack.emulator.wait_for_dm(mentee, "accepted your invitation")
    slack.click(mentee, prompt, "open_agreement")
    slack.emulator.wait_for_view(mentee, "agreement")
    assert slack.submit(mentee, terms).body in ("", "{}")
    sent = slack.emulator.wait_for_dm(mentor, "sent the terms for your mentoring")
    slack.click(mentor, sent, "agreement_confirm")
    slack.emulator.wait_for_dm(mentor, "Your mentoring has begun")
    begun = slack.emulator.wait_for_dm(mentee, "Your mentoring has begun")
    slack.settle()
    return begun


def home_text(slack, user: str) -> str:
    view = slack.emulator.home.get(user)
    return str(view["blocks"]) if view else ""


def wait_for_home(slack, user: str, *containing: str, absent: str | None = None) -> str:
    def ready():
        text = home_text(slack, user)
        return all(part in text for part in containing) and (
            absent is None or absent not in text) and text
    return slack.emulator.wait_for(ready, what=f"{user}'s Home showing {containing}")


TAKEAWAYS = "Ask for the decision, not for permission."
THANKS = "Thank you! I'll open with the decision next time."


def log_and_thank(slack: SlackDriver, mentee: str, mentor: str, ask: Message) -> Message:
    """From the after-meeting nudge: held, private takeaways, thanks; returns the thanks
    DM the mentor received."""
    slack.click(mentee, ask, "open_after_meeting")
    slack.emulator.wait_for_view(mentee, "after_meeting")
    slack.submit(mentee, {"takeaways": TAKEAWAYS, "thanks": THANKS})
    return slack.emulator.wait_for_dm(mentor, "A thank-you from")


def book_at_six(slack: SlackDriver, mentee: str, mentor: str, day: date) -> datetime:
    """The mentee books `day` at 18:00 Berlin with a Zoom link; returns when it starts."""
    slack.slash(mentee, "schedule")
    slack.emulator.wait_for_view(mentee, "schedule")
    slack.submit(mentee, {"date": day.isoformat(), "time": "18:00",
                          "link": "https://zoom.us/j/1234567890"})
    slack.emulator.wait_for_dm(mentor, "Mentoring session")
    return datetime.combine(day, time(18), tzinfo=ZoneInfo("Europe/Berlin"))

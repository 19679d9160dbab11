"""The demo's second story: Eli asks Dev for three months, then never books; mentorbot
asks at a humane pace, then what next, and lets it lapse kindly."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.demo.cast import DEV, ELI
from bot.demo.words import READINESS


def quiet_mentee(journey, starts: datetime) -> None:
    """The second story: Eli asks Dev for three months, then never books."""
    slack, emulator = journey.slack, journey.emulator
    journey.pass_to(starts)
    journey.say("Second story: Eli asks Dev for three months of monthly mentoring")
    slack.slash(ELI, "ready")
    emulator.wait_for_view(ELI, "readiness")
    slack.submit(ELI, READINESS)
    slack.slash(ELI, f"invite <@{DEV}|Dev>")
    emulator.wait_for_view(ELI, "invite_compose")
    slack.submit(ELI, {"why_them": "You grew the support team I now work in; I'd love to "
                                   "learn how you chose whom to promote.",
                       "offer": "A written summary after each session",
                       "logistics": ["yes"], "months": "3", "cadence": "monthly",
                       "minutes": "30"})
    slack.submit(ELI)
    invitation = emulator.wait_for_dm(DEV, "A mentoring invitation")
    slack.click(DEV, invitation, "invite_accept")
    prompt = emulator.wait_for_dm(ELI, "accepted your invitation")
    slack.click(ELI, prompt, "open_agreement")
    emulator.wait_for_view(ELI, "agreement")
    slack.submit(ELI, {})
    terms = emulator.wait_for_dm(DEV, "sent the terms for your mentoring")
    slack.click(DEV, terms, "agreement_confirm")
    emulator.wait_for_dm(ELI, "confirmed the agreement")
    journey.transcript.flush()
    print("   (as in the first story: readiness, invitation, Dev's yes, the agreement "
          "confirmed; their mentoring has begun. Then Eli goes quiet.)")
    journey.at(starts + timedelta(days=120), "four months on: Eli never booked a session")
    journey.say("Eli looks at /mentor status; Dev opens his App Home")
    journey.show(slack.slash(ELI, "status"))
    slack.open_home(DEV)
    emulator.wait_for(lambda: "lapsed" in str(emulator.home.get(DEV, {})))
    print(journey.transcript._render(
        [c for c in emulator.calls_to("views.publish") if c.params["user_id"] == DEV][-1]))
    journey.transcript.flush()

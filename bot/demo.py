"""`mentorbot demo`: the real app, a local Slack, and a scripted mentee and mentor.

The demo starts the bundled Slack emulator (from the source tree's tests/), runs
`mentorbot serve` against it on a throw-away SQLite database, and plays Ana (mentee,
Berlin) and Ben (mentor, Los Angeles) through readiness, a refused thin invitation, a
good one, Ben's counter-proposal and Ana's acceptance. It prints every DM and modal.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from bot.settings import ConfigError

ROOT = Path(__file__).resolve().parents[1]
ANA, BEN = "UANA00001", "UBEN00001"

READINESS = {
    "next_goal": "Lead a platform team within two years",
    "strengths": "I ship reliable services, and new engineers say my onboarding docs are the "
                 "best they've had",
    "growth_areas": "Influencing decisions across teams when I have no authority over them",
    "why_mentor": "I want perspective from someone who has made the move from engineer to lead",
    "why_this_mentor": "Your talk on blameless incident reviews changed how my team learns "
                       "from failure; I'd love to learn how you built that culture.",
}


def _load_emulator():
    if not (ROOT / "tests" / "slack_emulator").is_dir():
        raise ConfigError("the demo needs the source tree (tests/slack_emulator): run it from "
                          "a clone with `make demo`.")
    sys.path.insert(0, str(ROOT))
    from tests.slack_emulator import SlackDriver, SlackEmulator
    from tests.slack_emulator.app_process import SIGNING_SECRET, start_mentorbot
    from tests.slack_emulator.transcript import Transcript

    return SlackDriver, SlackEmulator, SIGNING_SECRET, start_mentorbot, Transcript


def run_demo(keep: bool = False) -> None:
    SlackDriver, SlackEmulator, secret, start_mentorbot, Transcript = _load_emulator()
    workdir = Path(tempfile.mkdtemp(prefix="mentorbot-demo-"))
    emulator = SlackEmulator(team_id="T0DEMO").start()
    emulator.add_user(ANA, "Ana", tz="Europe/Berlin")
    emulator.add_user(BEN, "Ben", tz="America/Los_Angeles")
    server = start_mentorbot(emulator.api_url, emulator.token,
                             f"sqlite:///{workdir / 'demo.db'}", workdir)
    slack = SlackDriver(server.url, secret, emulator)
    transcript = Transcript(emulator)

    def say(step: str) -> None:
        print(f"\n━━ {step} " + "━" * max(0, 70 - len(step)))

    def show(reply=None) -> None:
        if reply is not None and reply.text:
            print(f"🔒 Only the sender sees\n   │ {reply.text.replace(chr(10), chr(10) + '   │ ')}")
        print(transcript.flush())

    try:
        say("Ana types /mentor help")
        show(slack.slash(ANA, "help"))

        say("Ana answers the five readiness questions (/mentor ready)")
        slack.slash(ANA, "ready")
        emulator.wait_for_view(ANA, "readiness")
        show()
        slack.submit(ANA, READINESS)
        emulator.wait_for_dm(ANA, "Saved your readiness answers")
        show()

        say("Ana opens the invitation composer (/mentor invite @Ben)")
        slack.slash(ANA, f"invite <@{BEN}|ben>")
        emulator.wait_for_view(ANA, "invite_compose")
        show()

        say("First try: the classic thin invitation")
        slack.submit(ANA, {"intro": "I love your work!", "why_them": "Will you be my mentor?",
                           "offer": "Coffee?", "logistics": []})
        show()

        say("Second try: specific, bounded, and with something in return")
        slack.submit(ANA, {"offer": "Notes from each session that you can reuse with your "
                                    "own mentees", "logistics": ["yes"], "minutes": "45"})
        show()

        say("Ana checks the preview and sends it")
        slack.submit(ANA)
        invitation = emulator.wait_for_dm(BEN, "A mentoring invitation")
        emulator.wait_for_dm(ANA, "on its way")
        show()

        say("Ben, busy, suggests monthly sessions of 30 minutes")
        slack.click(BEN, invitation, "invite_suggest")
        emulator.wait_for_view(BEN, "invite_counter")
        show()
        slack.submit(BEN, {"cadence": "monthly", "minutes": "30",
                           "counter_note": "Glad you asked! Monthly fits my calendar better."})
        counter = emulator.wait_for_dm(ANA, "with a change")
        emulator.wait_for(lambda: invitation.history)
        show()

        say("Ana accepts Ben's changes")
        slack.click(ANA, counter, "counter_accept")
        emulator.wait_for_dm(BEN, "accepted your suggested changes")
        emulator.wait_for(lambda: counter.history)
        show()

        say("Ana opens mentorbot's App Home")
        slack.open_home(ANA)
        emulator.wait_for(lambda: emulator.home.get(ANA))
        show()

        say("What the database recorded (the audit trail)")
        _print_audit(workdir / "demo.db")
    finally:
        server.stop()
        emulator.stop()
        if keep:
            print(f"\nThe demo database is kept at {workdir / 'demo.db'}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def _print_audit(path: Path) -> None:
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from bot.db.models import Relationship, TransitionRecord

    engine = create_engine(f"sqlite:///{path}")
    with Session(engine) as session:
        for rel in session.scalars(select(Relationship)).unique():
            print(f"relationship {rel.id}: {rel.state}; {rel.cadence}, {rel.minutes} min, "
                  f"{rel.months} months")
        for record in session.scalars(select(TransitionRecord).order_by(TransitionRecord.id)):
            print(f"  {record.at:%H:%M:%S} {record.actor_role:<7} {record.action:<16} "
                  f"{record.from_state} → {record.to_state}")
    engine.dispose()

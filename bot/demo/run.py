"""`mentorbot demo`: sets the stage (the Slack emulator, the app on a throw-away SQLite
database and a virtual clock), plays both stories (`story.py`, `quiet.py`), prints what
each nudge achieved and what each person received, and clears the stage."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.demo.cast import ANA, BEN, DEV, ELI, LIA, PEOPLE, STARTS
from bot.demo.story import Journey


def run_demo(keep: bool = False) -> None:
    from bot.demo.quiet import quiet_mentee
    from bot.demo.records import print_attention, print_summary
    from slack_emulator import SlackDriver, SlackEmulator
    from slack_emulator.app_process import SIGNING_SECRET, start_clocked_mentorbot
    from slack_emulator.transcript import SHOWN, Transcript

    workdir = Path(tempfile.mkdtemp(prefix="mentorbot-demo-"))
    emulator = SlackEmulator(team_id="T0DEMO").start()
    for user_id, name, tz in PEOPLE:
        emulator.add_user(user_id, name, tz=tz, is_admin=user_id == LIA)
    database = workdir / "demo.db"
    server, timeline = start_clocked_mentorbot(emulator.api_url, emulator.token,
                                               f"sqlite:///{database}", workdir, STARTS)
    slack = SlackDriver(server.url, SIGNING_SECRET, emulator)
    # Every change republishes a Home: show a Home only when someone opens it.
    journey = Journey(slack, emulator, timeline,
                      Transcript(emulator, frozenset(SHOWN) - {"views.publish"}), database)
    try:
        journey.agreement(journey.invitation())
        journey.say("Ana schedules the first meeting (/mentor schedule)")
        first = journey.schedule(datetime(2027, 3, 10, 18, 0))
        journey.meeting(1, first)
        journey.pass_to(first + timedelta(days=20))
        journey.say("Ana schedules the second meeting")
        second = journey.schedule(datetime(2027, 4, 7, 18, 0))
        journey.meeting(2, second, moved_to=datetime(2027, 4, 9, 18, 0))
        journey.pass_to(datetime(2027, 4, 29, 9, 0, tzinfo=UTC))
        journey.say("Ana schedules the third meeting")
        third = journey.schedule(datetime(2027, 5, 5, 18, 0))
        journey.meeting(3, third, agenda_on_last_call=True)
        journey.completion(third)
        journey.report()
        print_attention(emulator, {ANA: "Ana (mentee)", BEN: "Ben (mentor)"})
        quiet_mentee(journey, journey.timeline.now + timedelta(days=7))
        journey.report()
        print_summary(database)
        print_attention(emulator, {ELI: "Eli (mentee, second story)",
                                   DEV: "Dev (mentor, second story)"})
    finally:
        server.stop()
        emulator.stop()
        if keep:
            print(f"\nThe demo database is kept at {database}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

"""`mentorbot demo`: the real app, a local Slack, and a scripted mentee and mentor.

The demo starts the bundled Slack emulator (the `slack_emulator` package), runs
`mentorbot serve` against it on a throw-away SQLite database and a virtual clock, and
plays Ana (mentee, Berlin) and Ben (mentor, Los Angeles) through six months: readiness,
Ben's offer to mentor, Ana finding him with `/mentor find`, a refused thin invitation, a
good one, Ben's counter-proposal, the expectations agreement, three meetings with agenda,
logistics and thanks (one moved late, at Ben's request), then three quiet months and
Ana's answer to "what next?": completion. A second story (`bot/demo/quiet.py`) shows Eli, who
never books, asked at a humane pace and her mentoring with Dev lapsing kindly. Lia, a
workspace admin, reads the programme report. It prints everything each person saw, and
closes with what each nudge achieved. Time passes as in life: every nudge that falls due
between two steps goes out at its own time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.demo.cast import ANA, BEN, BERLIN, LIA, LOS_ANGELES, QUIET_HOURS
from bot.demo.words import AGENDAS, OFFER, READINESS, SUMMARIES, THANKS, WHY_BEN


class Journey:
    """The script: each step acts as a person would, then prints what everyone saw."""

    def __init__(self, slack, emulator, timeline, transcript, database: Path) -> None:
        self.slack, self.emulator, self.timeline = slack, emulator, timeline
        self.database = database
        self.transcript = transcript
        self._files = {ANA: 0, BEN: 0}  # calendar files each has had, as last seen

    # ---- printing -------------------------------------------------------------------------

    def say(self, step: str) -> None:
        local = self.timeline.now.astimezone(BERLIN)
        stamp = f"{local:%a} {local.day} {local:%b %Y, %H:%M %Z} in Berlin"
        print(f"\n━━ {stamp} · {step} " + "━" * max(0, 50 - len(step)))

    def show(self, reply=None) -> None:
        if reply is not None and reply.text:
            print(f"🔒 Only the sender sees\n   │ {reply.text.replace(chr(10), chr(10) + '   │ ')}")
        shown = self.transcript.flush()
        if shown:
            print(shown)

    def at(self, instant: datetime, step: str) -> None:
        """Let time pass to `instant`, run whatever is due, and show what went out."""
        self.pass_to(instant)
        self.say(step)
        self.timeline.run_due(**QUIET_HOURS)
        self.show()

    def pass_to(self, instant: datetime) -> None:
        """Let time pass to `instant`: every nudge that falls due on the way goes out at its
        own time and is shown there, so the clock never jumps over one."""
        from bot.demo.records import next_due_in

        while (due := next_due_in(self.database, instant)) is not None and due < instant:
            self.timeline.move_to(max(due, self.timeline.now))
            self.timeline.run_due(**QUIET_HOURS)
            shown = self.transcript.flush()
            if shown:
                self.say("meanwhile, mentorbot's nudges fall due")
                print(shown)
        self.timeline.move_to(max(instant, self.timeline.now))

    def latest_dm(self, user: str, containing: str):
        """The newest DM with these words: a nudge comes once per meeting, so the newest
        is the one about the meeting at hand."""
        self.emulator.wait_for_dm(user, containing)
        return [m for m in self.emulator.dms(user) if containing in m.all_text][-1]

    # ---- the acts ---------------------------------------------------------------------------

    def invitation(self):
        """Returns Ana's DM that now offers to write the agreement."""
        slack, emulator = self.slack, self.emulator
        self.say("Ana types /mentor help")
        self.show(slack.slash(ANA, "help"))
        self.say("Ana answers the four readiness questions about herself (/mentor ready)")
        slack.slash(ANA, "ready")
        emulator.wait_for_view(ANA, "readiness")
        slack.submit(ANA, READINESS)
        emulator.wait_for_notice(ANA, "Saved your readiness answers")
        self.show()
        self.say("Ben says he is open to mentoring (/mentor offer), and the times that "
                 "usually suit him")
        slack.slash(BEN, "offer")
        emulator.wait_for_view(BEN, "offer")
        slack.submit(BEN, OFFER)
        emulator.wait_for_notice(BEN, "Pause or withdraw it from your Home")
        self.show()
        self.say("Ana looks for someone who has been where she is going (/mentor find lead)")
        slack.slash(ANA, "find lead")
        found = emulator.wait_for_response(ANA, "People open to mentoring")
        self.show()
        self.say("Ana clicks Invite next to Ben: the composer opens for him; first, the "
                 "classic thin ask")
        slack.click_ephemeral(ANA, found, "find_invite", BEN)
        emulator.wait_for_view(ANA, "invite_compose")
        thin = {"intro": "I love your work!", "why_them": "Will you be my mentor?",
                "offer": "Coffee?"}
        self.show()
        print("✍️  Ana writes\n" + "\n".join(f"   │ {field}: {text}"
                                            for field, text in thin.items()))
        slack.submit(ANA, {**thin, "logistics": []})
        self.show()
        self.say("Second try: specific, bounded, with something in return; preview; send")
        slack.submit(ANA, {"why_them": WHY_BEN,
                           "offer": "Notes from each session that you can reuse with your "
                                    "own mentees", "logistics": ["yes"], "minutes": "45"})
        slack.submit(ANA)
        invitation = emulator.wait_for_dm(BEN, "A mentoring invitation")
        emulator.wait_for_dm(ANA, "on its way")
        self.show()
        self.say("Ben, busy, suggests monthly sessions of 30 minutes; Ana accepts")
        slack.click(BEN, invitation, "invite_suggest")
        emulator.wait_for_view(BEN, "invite_counter")
        slack.submit(BEN, {"cadence": "monthly", "minutes": "30",
                           "counter_note": "Glad you asked! Monthly fits my calendar better."})
        counter = emulator.wait_for_dm(ANA, "with a change")
        slack.click(ANA, counter, "counter_accept")
        emulator.wait_for(lambda: "accepted your suggested changes" in invitation.all_text)
        emulator.wait_for(lambda: "Write the expectations" in str(counter.blocks))
        self.show()
        return counter

    def agreement(self, prompt) -> None:
        slack, emulator = self.slack, self.emulator
        self.say("Ana writes the expectations agreement from the standard terms")
        slack.click(ANA, prompt, "open_agreement")
        emulator.wait_for_view(ANA, "agreement")
        slack.submit(ANA, {"own_terms": "Ana sends a one-paragraph summary after each "
                                        "session"})
        terms = emulator.wait_for_dm(BEN, "sent the terms for your mentoring")
        self.show()
        self.say("Ben confirms: the relationship is active")
        slack.click(BEN, terms, "agreement_confirm")
        for person in (ANA, BEN):
            emulator.wait_for_dm(person, "Your mentoring has begun")
        self.show()

    def schedule(self, local_start: datetime) -> datetime:
        slack, emulator = self.slack, self.emulator
        slack.slash(ANA, "schedule")
        form = emulator.wait_for_view(ANA, "schedule")
        starts = local_start.replace(tzinfo=BERLIN).astimezone(UTC)
        slot = next((option for block in form["blocks"]
                     if block.get("element", {}).get("action_id") == "usual_slot"
                     for option in block["element"]["options"]
                     if option["value"] == str(int(starts.timestamp()))), None)
        if slot is not None:
            # Inside Ben's usual times: she chooses it among the free ones (the date and
            # time below follow her choice), and books.
            day = f"{local_start:%Y-%m-%d}"
            slack.pick(ANA, "usual_slot", slot["value"])
            emulator.wait_for(lambda: f"'initial_date': '{day}'" in str(emulator.top_view(ANA)),
                              what="the form after her choice")
            slack.submit(ANA, {"link": "https://zoom.us/j/98765432101"})
            self.wait_for_calendars()
            self.show()
            return starts
        # Each pick updates Ben's time under it: she sees what it is for him before booking.
        day = local_start.date().isoformat()
        slack.pick(ANA, "date", day)
        # One pick at a time, as a person picks: each update answers the pick before it.
        emulator.wait_for(lambda: f"'initial_date': '{day}'" in str(emulator.top_view(ANA)),
                          what="the form after her date")
        slack.pick(ANA, "time", f"{local_start:%H:%M}")
        his = f"{local_start.replace(tzinfo=BERLIN).astimezone(LOS_ANGELES):%H:%M}"
        emulator.wait_for(lambda: his in str(emulator.top_view(ANA)),
                          what="Ben's time under hers")
        slack.submit(ANA, {"link": "https://zoom.us/j/98765432101"})
        self.wait_for_calendars()
        self.show()
        return local_start.replace(tzinfo=BERLIN).astimezone(UTC)

    def wait_for_calendars(self) -> None:
        """Until this step's calendar file has reached both: an older one never counts."""
        emulator = self.emulator
        emulator.wait_for(lambda: all(len(emulator.files_to(person)) > self._files[person]
                                      and emulator.files_to(person)[-1]["content"]
                                      for person in (ANA, BEN)),
                          what="this step's calendar files")
        self._files = {person: len(emulator.files_to(person)) for person in (ANA, BEN)}

    def meeting(self, number: int, starts: datetime, *, agenda_on_last_call: bool = False,
                moved_to: datetime | None = None) -> None:
        slack, emulator = self.slack, self.emulator
        agenda = AGENDAS[number - 1]
        self.at(starts - timedelta(days=2), f"meeting {number}: the agreed agenda lead time")
        if agenda_on_last_call:
            self.at(starts - timedelta(hours=24), f"meeting {number}: a day before, and no "
                                                  "agenda yet: the checklist is the last call")
        nudge = self.latest_dm(ANA, "no topics yet" if agenda_on_last_call
                               else "Time to send your topics")
        self.say(f"meeting {number}: Ana sends her topics from the nudge")
        slack.click(ANA, nudge, "send_agenda")
        emulator.wait_for_view(ANA, "agenda")
        if number == 3:
            # One of the article's ideas, inserted with a click, kept as her own question.
            slack.click_in_modal(ANA, "agenda_prompt_1")
            emulator.wait_for(lambda: "your fulfilment" in str(emulator.top_view(ANA)),
                              what="the idea in her questions")
        slack.submit(ANA, agenda)
        emulator.wait_for_dm(BEN, agenda["topics"][:40])
        self.show()
        if not agenda_on_last_call:
            self.at(starts - timedelta(hours=24), f"meeting {number}: the logistics check")
        checklist = nudge if agenda_on_last_call else \
            self.latest_dm(ANA, "A quick logistics check")
        self.say(f"meeting {number}: Ana confirms the logistics with one click")
        slack.click(ANA, checklist, "logistics_confirm")
        emulator.wait_for(lambda: "Logistics confirmed" in checklist.all_text)
        self.show()
        if moved_to is not None:
            starts = self.late_change(starts, moved_to)
        self.at(starts - timedelta(minutes=15), f"meeting {number}: starting soon")
        self.at(starts + timedelta(minutes=30 + 60), f"meeting {number}: an hour after it "
                                                     "ends")
        ask = self.latest_dm(ANA, "How did your session")
        self.say(f"meeting {number}: Ana logs it, keeps her takeaways, thanks Ben and shares "
                 "the summary she promised")
        slack.click(ANA, ask, "open_after_meeting")
        emulator.wait_for_view(ANA, "after_meeting")
        # Her private check-in after the first and third: only she ever sees it.
        shared = {"shared_something_real": "yes"} if number in (1, 3) else {}
        slack.submit(ANA, {"takeaways": "Private note to self.", "thanks": THANKS[number - 1],
                           "summary": SUMMARIES[number - 1],
                           **shared})
        emulator.wait_for_dm(BEN, THANKS[number - 1][:40])
        self.show()

    def late_change(self, starts: datetime, moved_to: datetime) -> datetime:
        slack, emulator = self.slack, self.emulator
        self.pass_to(starts - timedelta(hours=10))
        self.say("meeting 2: Ben's day blows up; 10 hours ahead he asks to reschedule, with "
                 "a note and two times that suit him")
        dm = self.latest_dm(BEN, "Mentoring session")
        slack.click(BEN, dm, "meeting_ask_change")
        emulator.wait_for_view(BEN, "ask_change")
        suits = moved_to.replace(tzinfo=BERLIN).astimezone(LOS_ANGELES)
        later = suits + timedelta(hours=2)
        slack.submit(BEN, {"ask_note": "A launch landed on that day, sorry. Either of these "
                                       "works for me.",
                           "ask_date_1": suits.date().isoformat(), "ask_time_1": f"{suits:%H:%M}",
                           "ask_date_2": later.date().isoformat(), "ask_time_2": f"{later:%H:%M}"})
        ask = emulator.wait_for_dm(ANA, "asks to move your session")
        self.show()
        self.say("meeting 2: Ana moves it to the first of his times, in one click")
        slack.click(ANA, ask, "meeting_move_to_1")
        self.wait_for_calendars()
        self.show()
        starts = moved_to.replace(tzinfo=BERLIN).astimezone(UTC)
        # A move clears the logistics she confirmed: the new time is checked again.
        self.at(starts - timedelta(hours=24), "meeting 2: the logistics check, for its new time")
        checklist = self.latest_dm(ANA, "A quick logistics check")
        self.say("meeting 2: Ana confirms the new logistics with one click")
        slack.click(ANA, checklist, "logistics_confirm")
        emulator.wait_for(lambda: "Logistics confirmed" in checklist.all_text)
        self.show()
        return starts

    def completion(self, last_meeting: datetime) -> None:
        slack, emulator = self.slack, self.emulator
        self.at(last_meeting + timedelta(days=90), "three months after their last session, "
                                                   "nothing booked: mentorbot asks Ana what next")
        final = self.latest_dm(ANA, "What next?")
        self.say("Ana completes from it: the goal she set out with, where she stands now and "
                 "a reflection, all private; and a last thank-you")
        slack.click(ANA, final, "open_complete")
        emulator.wait_for_view(ANA, "complete")
        slack.submit(ANA, {"reflection": "I learned to ask for decisions, not permission.",
                           "goal_now": "Leading the platform team's on-call since May; the "
                                       "lead role is next year's goal.",
                           "final_thanks": "Thank you for six generous months, Ben."})
        emulator.wait_for_dm(BEN, "Thank you for six generous months")
        self.show()
        self.say("Ana opens mentorbot's App Home")
        slack.open_home(ANA)
        emulator.wait_for(lambda: "completed" in str(emulator.home.get(ANA, {})))
        # Every change republishes both people's Homes: print the one Ana opened.
        print(self.transcript._render(
            [c for c in emulator.calls_to("views.publish") if c.params["user_id"] == ANA][-1]))
        self.transcript.flush()

    def report(self) -> None:
        self.say("Lia, the programme coordinator, runs /mentor report")
        files = len(self.emulator.files_to(LIA))
        self.slack.slash(LIA, "report")
        self.emulator.wait_for(lambda: len(self.emulator.files_to(LIA)) > files,
                               what="the report's CSV")
        self.show()

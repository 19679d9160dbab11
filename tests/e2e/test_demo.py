"""`mentorbot demo` plays the whole journey on a virtual clock and says what each nudge
achieved; this runs it as `make demo` does and reads its transcript."""

from __future__ import annotations

import os
import subprocess

import pytest

from slack_emulator.app_process import mentorbot_command


@pytest.fixture(scope="module")
def demo_output(tmp_path_factory) -> str:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "DATABASE_", "VIRTUAL_"))}
    result = subprocess.run([*mentorbot_command(), "demo"], cwd=tmp_path_factory.mktemp("demo"),
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_the_demo_plays_six_months_and_sums_up_each_nudge(demo_output):
    out = demo_output
    steps = [line for line in out.splitlines() if line.startswith("━━ ")]
    assert steps[0].startswith("━━ Mon 1 Mar 2027, 09:30 CET in Berlin")
    assert any("Tue 3 Aug 2027" in step for step in steps)  # five months later
    # One thin invitation refused, nothing else.
    assert out.count("form is refused, inline") == 1
    for seen in ("Agenda from @Ana", "A quick logistics check", "Starting soon",
                 "A thank-you from @Ana", "asks to move your session",
                 "Moved: mentoring session", "less than the 24 hours' notice you agreed",
                 "A final thank-you from @Ana", "Calendar invitation", "*completed*",
                 "Our paths so far", "share your own path too",
                 "Only Lia sees", "*Late reschedules:* 1 (asked by mentees 0, by mentors 1)"):
        assert seen in out, seen
    summary = out.split("What each nudge achieved")[1]
    for line in ("agenda_due             sent 3, then the agenda was sent: 3 of 3",
                 "after_meeting          sent 3, then logged and thanked: 3 of 3"):
        assert line in summary, summary
    # Her checklist the day before is the last call for topics: one message, not two.
    assert "agenda_last_call" not in summary
    assert "I learned to ask for decisions" not in out.split("Only Lia sees")[1]

    # Each step shows its own messages: what Ana typed before its refusal, each booking's
    # and the move's calendar files under that step, and Ana's own Home when she opens it.
    def step(title: str) -> str:
        return out.split(title, 1)[1].split("\n━━ ", 1)[0]

    thin = step("first, the classic thin ask")
    assert thin.index("I love your work!") < thin.index("form is refused, inline")
    for title in ("Ana schedules the first meeting", "Ana schedules the second meeting",
                  "Ana schedules the third meeting", "Ana moves it to the first of his times"):
        # One file for both, in the booking's thread.
        assert step(title).count("Calendar invitation") == 1, title
    # Three quiet months: asked at one and two months, then what next, which she answers.
    first_story = out.split("Second story")[0]
    for asked in ("It's been a month since your last session with @Ben",
                  "It's been 2 months since your last session with @Ben",
                  "It's been 3 months since your last session with @Ben, and nothing is booked. "
                  "What next?"):
        assert asked in first_story, asked
    home = step("Ana opens mentorbot's App Home")
    assert "Ana's App Home" in home and "*As mentee*" in home and "As mentor" not in home


def attention(out: str) -> dict[str, dict[str, int]]:
    """The demo's closing table: new messages per person, by kind."""
    table = out.split("New messages each person received", 1)[1].split("\n", 1)[1]
    table = table.split("\n━━", 1)[0]
    people: dict[str, dict[str, int]] = {}
    for line in table.splitlines():
        if line and not line.startswith(" "):
            name, total = line.rsplit(":", 1)
            current = people.setdefault(name, {"total": int(total)})
        elif line.strip():
            count, kind = line.strip().split("  ", 1)
            current[kind] = int(count)
    return people


def test_the_busy_mentor_gets_only_what_needs_him_and_nobody_gets_a_receipt(demo_output):
    """Over the six months: at most three new messages per meeting held (the booking with
    its calendar file, the day-before reminder, the thanks) and one per relationship step
    (invitation, agreement, completion), for the mentor; and no one is sent a message
    that only confirms what they just did."""
    table = attention(demo_output)
    ben, ana = table["Ben (mentor)"], table["Ana (mentee)"]
    meetings_held, steps = 3, 3
    assert ben["total"] <= 3 * meetings_held + steps, ben
    assert ben.get("day-before reminder") == meetings_held
    assert "starting soon" not in ben and "calendar file" not in ben
    receipts = ("Sent your agenda", "Logged.", "Saved your readiness", "Completed: your",
                "Sent: your proposal", "Sent version", "Sent a polite")
    for name, kinds in table.items():
        assert not [k for k in kinds if k.removeprefix("nudge or note: ").startswith(receipts)
                    ], (name, kinds)
    assert ana["starting soon"] == meetings_held  # the mentee drives, and gets the link


def test_the_second_story_lets_a_quiet_mentorship_lapse_kindly(demo_output):
    story = demo_output.split("Second story")[1]
    for said in ("You haven't met @Dev yet: your mentoring began a month ago",
                 "your mentoring began 2 months ago", "Plan the final session", "What next?",
                 "A week ago I asked what comes next",
                 "Your mentoring with @Dev is closed", "[Invite them again]",
                 "Your mentoring with @Eli is closed", "Nothing is asked of you",
                 "*lapsed*", "lapsed: 1"):
        assert said in story, said
    counts = story.split("New messages each person received")[1]
    # Dev's attention: the invitation, the terms, and one closing line; nothing in between.
    assert "Dev (mentor, second story): 3" in counts


def test_every_modal_shows_what_was_submitted(demo_output):
    assert "✍️  Ana submits “Complete mentoring”" in demo_output
    assert "I learned to ask for decisions, not permission." in demo_output.split(
        "Ana submits “Complete mentoring”")[1]

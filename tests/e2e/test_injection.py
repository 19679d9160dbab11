"""Nothing a person types reaches the other person as live markup: no @channel, no mention
of a third person, no link that reads as one place and opens another."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.conftest import MENTEE, MENTOR, OTHER
from tests.e2e.flows import invite

TOKENS = (f"<!channel> <!here> <!everyone> <@{OTHER}> <!subteam^S0TEAM|@leads> "
          "<https://evil.example/l|https://zoom.us/j/1> &lt;!channel&gt;")
WORDS = "I lead the payments platform team and want to grow into a staff role. "
# What Slack would render as a broadcast, a mention or a link of the sender's labelling.
LIVE = re.compile(r"<(!channel|!here|!everyone|!subteam|@" + OTHER + r"|https://evil)")
EVIL_LINK = "https://evil.example/l|https://zoom.us/j/1"


def everything_shown_to(slack, user_id: str) -> str:
    """Every version of every DM the person received, and their App Home."""
    texts = []
    for message in slack.emulator.dms(user_id):
        texts.append(message.all_text)
        texts += [str(old) for old in message.history]
    texts.append(str(slack.emulator.home.get(user_id) or ""))
    return "\n".join(texts)


def test_typed_markup_stays_text_in_every_field_the_other_person_reads(slack):
    words = WORDS + TOKENS
    invitation = invite(slack, MENTEE, MENTOR, intro=words, why_them=words, offer=words)

    slack.click(MENTOR, invitation, "invite_suggest")
    slack.emulator.wait_for_view(MENTOR, "invite_counter")
    slack.submit(MENTOR, {"cadence": "monthly", "counter_note": TOKENS})
    counter = slack.emulator.wait_for_dm(MENTEE, "would like to mentor you with a change")
    slack.click(MENTEE, counter, "counter_accept")
    slack.emulator.wait_for_dm(MENTOR, "accepted your suggested changes")
    # The counter is answered in place, with the next step on it.
    slack.emulator.wait_for(lambda: "open_agreement" in str(counter.blocks))

    slack.click(MENTEE, counter, "open_agreement")
    slack.emulator.wait_for_view(MENTEE, "agreement")
    slack.submit(MENTEE, {"own_terms": TOKENS})
    terms = slack.emulator.wait_for_dm(MENTOR, "sent the terms for your mentoring")
    slack.click(MENTOR, terms, "agreement_confirm")
    slack.emulator.wait_for_dm(MENTEE, "Your mentoring has begun")

    slack.slash(MENTEE, "schedule")
    slack.emulator.wait_for_view(MENTEE, "schedule")
    day = (datetime.now(ZoneInfo("Europe/Berlin")) + timedelta(days=10)).date().isoformat()
    for disguised in (EVIL_LINK, "https://zoom.us/j/1>", "<!channel>",
                      "https://zoom.us@evil.example/j/1", "https://zoom.us/j/1 <!here>"):
        refused = slack.submit(MENTEE, {"date": day, "time": "18:00", "link": disguised})
        assert "link" in refused.json["errors"], disguised
    slack.submit(MENTEE, {"date": day, "time": "18:00",
                          "link": "https://zoom.us/j/1234567890?pwd=a&b=c"})
    booked = slack.emulator.wait_for_dm(MENTEE, "Mentoring session")
    meeting_dm = slack.emulator.wait_for_dm(MENTOR, "Mentoring session")
    # The link reads as where it goes, labelled by mentorbot.
    assert "<https://zoom.us/j/1234567890?pwd=a&amp;b=c|Join on zoom.us>" in meeting_dm.all_text

    slack.click(MENTEE, booked, "send_agenda")
    slack.emulator.wait_for_view(MENTEE, "agenda")
    refused = slack.submit(MENTEE, {"topics": words, "links": EVIL_LINK})
    assert "links" in refused.json["errors"]
    slack.submit(MENTEE, {"topics": words, "questions": TOKENS, "context": TOKENS,
                          "links": "https://docs.example.com/plan"})
    agenda = slack.emulator.wait_for_dm(MENTOR, "Agenda from")
    assert "<https://docs.example.com/plan|docs.example.com>" in agenda.all_text

    slack.slash(MENTEE, "continue")
    slack.emulator.wait_for_view(MENTEE, "continue")
    slack.submit(MENTEE, {"extra_months": "3", "continue_note": TOKENS})
    slack.emulator.wait_for_dm(MENTOR, "would like to continue")
    slack.slash(MENTEE, "complete")
    slack.emulator.wait_for_view(MENTEE, "complete")
    slack.submit(MENTEE, {"reflection": TOKENS, "final_thanks": TOKENS})
    slack.emulator.wait_for_dm(MENTOR, "A final thank-you")

    seen_by_mentor = everything_shown_to(slack, MENTOR)
    seen_by_mentee = everything_shown_to(slack, MENTEE)
    assert seen_by_mentor.count("&lt;!channel&gt;") >= 8  # the words arrived, as words
    assert LIVE.findall(seen_by_mentor) == []
    assert LIVE.findall(seen_by_mentee) == []
    # Text Slack had already escaped is escaped again, not turned back into markup.
    assert "&amp;lt;!channel&amp;gt;" in seen_by_mentor

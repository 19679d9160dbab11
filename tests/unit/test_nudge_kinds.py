"""Every nudge kind is declared whole: a message, a family, a subject that reads back."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain.nudges import ALL, Channel, Need, Subject, named
from bot.messages.nudges import MESSAGES


@pytest.mark.parametrize("kind", ALL, ids=str)
def test_each_kind_has_a_message_and_is_found_by_its_stored_name(kind):
    # A Slack nudge has its Block Kit message; an email is built from the meeting itself.
    assert (kind in MESSAGES) == (kind.channel is Channel.SLACK)
    assert named(kind.name) is kind
    # A kind measured by its effect says, in words, what it asked for.
    assert (kind.followed is None) == (kind.asked_for is None)
    # A kind about a meeting reads the meeting it names.
    if kind.before_start:
        assert Need.MEETING in kind.needs


def test_names_are_unique_and_short_enough_for_the_outbox_column():
    names = [kind.name for kind in ALL]
    assert len(names) == len(set(names))
    assert max(map(len, names)) <= 32


def test_subjects_read_back_what_they_were_made_of():
    assert Subject.meeting(7).meeting_id == 7 and Subject.meeting(7).about_meeting
    assert Subject.agreement_version(3).version == 3
    assert Subject.agreement_version(3).about_version
    assert Subject.gap_after(None) == "rhythm:0"
    assert Subject.timeline(datetime(2027, 5, 1, 9, tzinfo=UTC)) == "timeline:2027-05-01"
    assert Subject.timeline(date(2027, 5, 1)) == "timeline:2027-05-01"
    with pytest.raises(ValueError):
        _ = Subject("invitation").meeting_id
    with pytest.raises(ValueError):
        _ = Subject.meeting(7).version
    version = Subject.meeting_version(7, 2)
    assert (version.meeting_id, version.sequence, version.about_meeting) == (7, 2, True)
    with pytest.raises(ValueError):
        _ = Subject.meeting(7).sequence

"""When the private check-in is asked, and when its answers bring the tip."""

from __future__ import annotations

import pytest

from bot.domain.connection import TIP, Shared, asked_after, tip_before


@pytest.mark.parametrize(("ordinal", "asked"), [(0, False), (1, True), (2, False), (3, True),
                                                (4, False), (12, False)])
def test_asked_after_the_first_and_the_third_meeting_only(ordinal, asked):
    assert asked_after(ordinal) is asked


@pytest.mark.parametrize(("ordinal", "answers", "tip"), [
    (4, {3: Shared.NOT_YET}, TIP),
    (4, {1: Shared.NOT_YET, 3: Shared.YES}, None),
    (4, {1: Shared.NOT_YET}, None),  # after the first, it is early days
    (2, {1: Shared.NOT_YET}, None),
    (4, {}, None),  # left unanswered: no tip
    (5, {3: Shared.NOT_YET}, None),  # one tip, once
    (3, {3: Shared.NOT_YET}, None),
])
def test_a_not_yet_after_the_third_brings_one_tip_to_the_fourth(ordinal, answers, tip):
    assert tip_before(ordinal, answers) == tip

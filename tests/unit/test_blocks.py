"""Pure Block Kit builders stay inside Slack's limits and keep people's words inert."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.health import Health
from bot.domain.invitation import TEXT_LIMIT, Cadence, Invitation, MeetingFormat, Terms
from bot.domain.relationship import Role, State
from bot.domain.todos import Todo, TodoItem
from bot.messages import composer, home, invitation, readiness
from bot.messages.help import COMMANDS, help_text
from bot.services.overview import Ask, Standing, Waiting
from bot.services.readiness import Answers
from bot.services.relationships import RelationshipView
from slack_emulator.blockkit import message_problems, view_problems

LONG = ("word " * (TEXT_LIMIT // 5))[:TEXT_LIMIT]
INVITATION = Invitation(intro=LONG, why_them=LONG, terms=Terms(Cadence.WEEKLY, 90, 12),
                        meeting_format=MeetingFormat.IN_PERSON, handles_logistics=True,
                        reply_by=date(2026, 12, 2), offer=LONG)


def view_of(rel_id: int = 1, state: State = State.INVITED, counter: Terms | None = None,
            mentee: str = "U1") -> RelationshipView:
    return RelationshipView(
        id=rel_id, team_id="T1", mentee_id=mentee, mentor_id="U2", state=state,
        terms=INVITATION.terms, invitation=INVITATION,
        reply_by_at=datetime(2026, 12, 2, 22, 59, tzinfo=UTC), counter=counter,
        counter_note=LONG if counter else None, decline_reason=LONG, mentor_message=None,
        counter_message=None)


def test_the_longest_invitation_fits_a_message():
    blocks = invitation.invitation_message(view_of(), "Asia/Tokyo")
    assert message_problems({"text": "x", "blocks": blocks}) == []
    assert "Thu 3 Dec 2026, 07:59 JST" in str(blocks)


def test_every_modal_fits_slacks_limits():
    answers = Answers(*(["x" * readiness.ANSWER_LIMIT] * 4))
    modals = [
        readiness.readiness_modal(None),
        readiness.readiness_modal(answers),
        composer.composer_modal(composer.composer_defaults("U2", answers, date(2026, 12, 2))),
        invitation.preview_modal(7, "U2", invitation.invitation_blocks("U1", INVITATION, "t")),
        invitation.counter_modal(view_of()),
        invitation.decline_modal(view_of()),
    ]
    for modal in modals:
        assert view_problems(modal) == [], modal["callback_id"]


def test_answered_and_counter_messages_fit():
    counter = Terms(Cadence.MONTHLY, 30, 3)
    for state in (State.AGREED, State.DECLINED, State.WITHDRAWN, State.EXPIRED):
        rel = view_of(state=state)
        outcome = invitation.outcome_for_mentor(rel, rel.reply_by_at, "UTC")
        blocks = invitation.invitation_answered(rel, outcome)
        assert message_problems({"text": outcome, "blocks": blocks}) == []
    blocks = invitation.counter_for_mentee(view_of(counter=counter))
    assert message_problems({"text": "x", "blocks": blocks}) == []


def test_a_persons_words_cannot_ping_a_channel_or_forge_a_link():
    words = "<!channel> <https://evil|click> & more"
    sneaky = Invitation(**{**INVITATION.__dict__, "offer": words})
    text = str(invitation.invitation_blocks("U1", sneaky, "t"))
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text and "&amp; more" in text


NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def standing(n: int, as_mentee: bool) -> Standing:
    rel = view_of(rel_id=n, state=State.ACTIVE if n < 10 else State.COMPLETED,
                  mentee="U1" if as_mentee else "U9")
    if not as_mentee:
        rel = RelationshipView(**{**rel.__dict__, "mentor_id": "U1"})
    owed = (TodoItem(Todo.SEND_AGENDA, NOW + timedelta(days=1), n, meeting_id=n,
                     starts_at=NOW + timedelta(days=3)),
            TodoItem(Todo.SCHEDULE_NEXT, NOW - timedelta(days=1), n)) if as_mentee else ()
    waiting = () if as_mentee else (Waiting(Ask.ANSWER_CONTINUATION, n, months=3),)
    return Standing(rel, Role.MENTEE if as_mentee else Role.MENTOR,
                    NOW + timedelta(days=3) if n < 10 else None,
                    Health(planned=4, held=3, agendas_on_time=2, thanks_sent=3,
                           late_by_mentee=1, expected=5), owed, waiting)


def test_app_home_stays_under_the_block_limit_with_sixty_relationships():
    standings = [standing(n, as_mentee=n % 2 == 1) for n in range(60)]
    from bot.domain.preferences import Preferences
    from bot.domain.quiet_hours import QuietHours
    from bot.domain.relationship import Role
    from bot.messages.reminders import reminders_line

    roles = frozenset({Role.MENTEE, Role.MENTOR})
    reminders = reminders_line(Preferences(), QuietHours(), roles, mentor_default=False)
    view = home.home_view("U1", standings, True, NOW, "Europe/Berlin", reminders)
    assert view_problems(view) == [] and len(view["blocks"]) <= 100
    assert "Your reminders" in str(view["blocks"][-3:])
    text = str(view["blocks"])
    assert "more after these" in text  # 60 to-dos, the first ten listed
    assert "more, not shown here" in text
    assert "Meetings held: 3, of 5 the agreement expects by now" in text
    assert "agendas on time: 2 of 4" in text  # the mentee's own figures, on her rows
    assert "late" not in text.lower().replace("later", "")  # and no tally, for anyone
    assert text.count("Continue together") == home.MAX_WAITING


def test_a_newcomers_home_offers_the_first_step():
    view = home.home_view("U1", [], False, NOW, "UTC")
    assert view_problems(view) == []
    assert "Answer the readiness questions" in str(view["blocks"])


def test_help_lists_each_command():
    text = help_text()
    for usage, _ in COMMANDS:
        assert f"/mentor {usage}" in text


def test_a_full_mentor_is_explained_by_what_holds_his_places():
    from bot.domain.errors import InviteeRefused, Refusal
    from bot.messages.refusals import refusal_text

    mentoring = refusal_text(InviteeRefused(Refusal.MENTOR_AT_OWN_LIMIT, "U2", limit=2))
    assert "mentoring as many people as they chose to take at once (2)" in mentoring
    held = refusal_text(InviteeRefused(Refusal.MENTOR_AT_OWN_LIMIT, "U2", limit=2,
                                       unanswered=2))
    assert "2 are held by invitations they haven't answered yet" in held
    assert "is mentoring" not in held
    workspace = refusal_text(InviteeRefused(Refusal.MENTOR_FULL, "U2", limit=3, unanswered=1))
    assert "one is held by an invitation they haven't answered yet" in workspace

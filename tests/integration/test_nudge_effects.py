"""What each nudge achieved, read from the timestamps the app keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.db.engine import make_session_factory
from bot.db.models import AgreementVersion, Invitation, Nudge, Relationship
from bot.db.uow import UnitOfWork
from bot.domain.nudges import Kind
from bot.services.nudge_effects import effects

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def version(rel_id: int, number: int, author: str, at: datetime,
            mentor_confirmed: datetime | None) -> AgreementVersion:
    return AgreementVersion(
        team_id="T", relationship_id=rel_id, version=number, author_role=author, terms=["x"],
        cadence="biweekly", minutes=45, months=6, reschedule_notice_hours=24,
        agenda_lead_days=2, created_at=at,
        mentee_confirmed_at=at if author == "mentee" else None,
        mentor_confirmed_at=mentor_confirmed)


def test_an_unconfirmed_agreement_reminder_counts_only_a_confirmation_after_it(clean_db):
    with UnitOfWork(make_session_factory(clean_db)) as uow:
        for n, mentee in enumerate(("U1", "U2"), start=1):
            uow.session.add(Relationship(
                id=n, team_id="T", mentee_id=mentee, mentor_id="U9", state="agreed",
                version=1, cadence="biweekly", minutes=45, months=6, meeting_format="video",
                created_at=NOW, agreed_at=NOW, invitation=Invitation(
                    team_id="T", intro="i", why_them="w", offer="o", handles_logistics=True,
                    reply_by=date(2027, 3, 8), reply_by_at=NOW)))
        uow.session.flush()
        uow.session.add_all([
            # The mentor confirmed after the reminder.
            version(1, 1, "mentee", NOW, mentor_confirmed=NOW + 3 * HOUR),
            # The mentor answered with an edit instead: a new version, not a confirmation.
            version(2, 1, "mentee", NOW, mentor_confirmed=None),
            version(2, 2, "mentor", NOW + 3 * HOUR, mentor_confirmed=NOW + 3 * HOUR),
        ])
        for rel_id, subject in ((1, "agreement:v1"), (2, "agreement:v1")):
            uow.session.add(Nudge(team_id="T", relationship_id=rel_id, subject=subject,
                                  kind=Kind.AGREEMENT_UNCONFIRMED.value, recipient_id="U1",
                                  status="sent", due_at=NOW + HOUR, available_at=NOW + HOUR,
                                  attempts=1, sent_at=NOW + HOUR))
        uow.commit()
        [effect] = effects(uow, "T")
    assert (effect.kind, effect.sent, effect.followed) == (Kind.AGREEMENT_UNCONFIRMED, 2, 1)

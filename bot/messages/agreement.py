"""Block Kit for the expectations agreement."""

from __future__ import annotations

from bot.domain.agreement import AGENDA_DAYS, RESCHEDULE_HOURS, Changes, Numbers
from bot.domain.relationship import Role
from bot.messages import ids
from bot.messages.invitation import (
    CADENCE_OPTIONS,
    FORMAT_OPTIONS,
    MINUTE_OPTIONS,
    MONTH_OPTIONS,
)
from bot.messages.kit import (
    actions,
    button,
    context,
    escape,
    header,
    modal,
    option,
    radio_input,
    section,
    select_input,
    text_input,
)
from bot.services.agreements import Version
from bot.services.relationships import RelationshipView

HOUR_OPTIONS = [option(f"{h} hours", str(h)) for h in RESCHEDULE_HOURS]
DAY_OPTIONS = [option(f"{d} day{'s' if d > 1 else ''}", str(d)) for d in AGENDA_DAYS]
SECTION_LIMIT = 2900


def agreement_prompt(rel: RelationshipView, text: str) -> list[dict]:
    return [
        section(text),
        actions(button("Write the expectations agreement", ids.OPEN_AGREEMENT, str(rel.id),
                       style="primary"), block_id="agreement_prompt"),
    ]


def agreement_modal(rel: RelationshipView, numbers: Numbers, terms: list[str], *,
                    for_mentor: bool = False, adjusting: bool = False) -> dict:
    other = rel.mentee_id if for_mentor else rel.mentor_id
    if adjusting:
        intro = (f"Change what no longer fits: <@{other}> confirms it, and from then on the "
                 "reminders and the timeline follow it. Until then, the agreed terms stand.")
    elif for_mentor:
        intro = "Edit what you'd change; the mentee will accept your version or revise it."
    else:
        intro = (f"Put the terms in writing with <@{rel.mentor_id}>. Edit, clear a term to "
                 "remove it, or add your own. The relationship starts when you both confirm.")
    t = numbers.terms
    blocks = [
        context(intro),
        select_input(ids.INVITE_CADENCE, "How often", CADENCE_OPTIONS, t.cadence.value),
        select_input(ids.INVITE_MINUTES, "Minutes per meeting", MINUTE_OPTIONS, str(t.minutes)),
        select_input(ids.INVITE_MONTHS, "Timeline", MONTH_OPTIONS, str(t.months)),
        select_input(ids.AGREEMENT_RESCHEDULE, "Reschedule notice", HOUR_OPTIONS,
                     str(numbers.reschedule_notice_hours)),
        select_input(ids.AGREEMENT_AGENDA, "Topics sent before each meeting", DAY_OPTIONS,
                     str(numbers.agenda_lead_days)),
        radio_input(ids.INVITE_FORMAT, "Format", FORMAT_OPTIONS, numbers.meeting_format.value),
    ]
    for number, term in enumerate(terms, start=1):
        blocks.append(text_input(f"{ids.AGREEMENT_TERM}{number}", f"Term {number}",
                                 initial=term, optional=True))
    blocks.append(text_input(ids.AGREEMENT_OWN_TERMS, "Your own terms (one per line)",
                             optional=True,
                             placeholder="We'll share one article each month"))
    if for_mentor or adjusting:
        blocks.append(text_input(ids.AGREEMENT_NOTE, "A note for them", optional=True))
    submit = "Propose change" if adjusting else \
        "Send suggestion" if for_mentor else "Send to mentor"
    return modal(ids.AGREEMENT_VIEW, "Change the agreement" if adjusting else "Expectations",
                 blocks, submit=submit, private_metadata=str(rel.id))


def _numbers_line(numbers: Numbers) -> str:
    t = numbers.terms
    return (f"*{t.cadence.label.capitalize()}, {t.minutes} minutes, over {t.months} months.* "
            f"Reschedule at least {numbers.reschedule_notice_hours} hours ahead; topics "
            f"{numbers.agenda_lead_days} day{'s' if numbers.agenda_lead_days > 1 else ''} "
            "before each meeting.")


def terms_blocks(version: Version) -> list[dict]:
    blocks = [section(_numbers_line(version.draft.numbers))]
    chunk = ""
    for term in version.draft.terms:
        line = f"• {escape(term)}\n"
        if len(chunk) + len(line) > SECTION_LIMIT:
            blocks.append(section(chunk))
            chunk = ""
        chunk += line
    if chunk:
        blocks.append(section(chunk))
    return blocks


def _answer_value(version: Version) -> str:
    return f"{version.relationship.id}:{version.version}"


def for_mentor(version: Version) -> list[dict]:
    rel = version.relationship
    if version.adjusting:
        return shared_version(version)[1]
    return [
        header("Expectations from your mentee"),
        section(f"<@{rel.mentee_id}> sent the terms for your mentoring (version "
                f"{version.version}). Confirm them, or suggest an edit."),
        *terms_blocks(version),
        actions(button("Confirm", ids.AGREEMENT_CONFIRM, _answer_value(version),
                       style="primary"),
                button("Suggest an edit", ids.AGREEMENT_EDIT, _answer_value(version)),
                block_id="agreement_answer"),
    ]


def edits_for_mentee(version: Version) -> list[dict]:
    rel = version.relationship
    if version.adjusting:
        return shared_version(version)[1]
    blocks = [
        header("Suggested edits"),
        section(f"<@{rel.mentor_id}> suggested edits to your agreement (version "
                f"{version.version}). Accept them, or revise."),
    ]
    if version.note:
        blocks.append(section(">" + escape(version.note)))
    return [*blocks, *terms_blocks(version),
            actions(button("Accept edits", ids.AGREEMENT_CONFIRM, _answer_value(version),
                           style="primary"),
                    button("Revise", ids.AGREEMENT_EDIT, _answer_value(version)),
                    block_id="agreement_answer")]


def final_terms(version: Version, reader_id: str) -> list[dict]:
    rel = version.relationship
    other = rel.mentor_id if reader_id == rel.mentee_id else rel.mentee_id
    return [
        header("Your mentoring has begun"),
        section(f"You and <@{other}> both confirmed these terms (version {version.version}). "
                "`/mentor agreement` shows them any time, to the two of you only."),
        *terms_blocks(version),
    ]


def terms_in_force(version: Version, reader_id: str) -> list[dict]:
    """`/mentor agreement` once active: the terms both confirmed, and a way to change them."""
    rel = version.relationship
    other = rel.mentor_id if reader_id == rel.mentee_id else rel.mentee_id
    return [
        section(f"*Your agreed terms* with <@{other}> (version {version.version})."),
        *terms_blocks(version),
        actions(button("Propose a change", ids.OPEN_AGREEMENT, str(rel.id)),
                block_id="agreement_change"),
    ]


def changes_text(found: Changes) -> str:
    lines = [f"• {line}" for line in found.numbers]
    lines += [f"• added: {escape(term)}" for term in found.added]
    lines += [f"• dropped: ~{escape(term)}~" for term in found.dropped]
    return "\n".join(lines)


def proposed_change(version: Version) -> tuple[str, list[dict]]:
    """A change to the running agreement, for the other to confirm: only what changes."""
    rel = version.relationship
    author, other = ((rel.mentee_id, rel.mentor_id) if version.author is Role.MENTEE
                     else (rel.mentor_id, rel.mentee_id))
    text = f"<@{author}> proposes a change to your agreement (version {version.version})"
    blocks = [section(f":pencil2: {text}. <@{other}>: confirm it, or suggest an edit.")]
    if version.note:
        blocks.append(section(">" + escape(version.note)))
    value = _answer_value(version)
    return text, [*blocks, section(changes_text(version.changes)),
                  context("Until it is confirmed, the agreed terms stand. `/mentor agreement` "
                          "shows them all."),
                  actions(button("Confirm change", ids.AGREEMENT_CONFIRM, value,
                                 style="primary"),
                          button("Suggest an edit", ids.AGREEMENT_EDIT, value),
                          block_id="agreement_answer")]


def change_agreed(version: Version) -> tuple[str, list[dict]]:
    """The change both confirmed, in place of the proposal: what holds from now on."""
    text = f"Version {version.version} of your agreement: confirmed by both, from now on"
    return text, [section(f":white_check_mark: *{text}:*\n{changes_text(version.changes)}"),
                  context(_numbers_line(version.draft.numbers))]


def change_confirmed_for_mentee(version: Version) -> tuple[str, list[dict]]:
    rel = version.relationship
    text = (f"<@{rel.mentor_id}> confirmed your change to the agreement (version "
            f"{version.version}): the reminders and the timeline follow it from now.")
    return text, [section(text), section(changes_text(version.changes))]


def answered(version: Version, text: str) -> list[dict]:
    return [section(text), *terms_blocks(version)]


def waiting_text(version: Version, reader_role: Role) -> str:
    rel = version.relationship
    if version.author is reader_role:
        other = rel.mentor_id if reader_role is Role.MENTEE else rel.mentee_id
        return f"Version {version.version} is with <@{other}> to confirm."
    return f"Version {version.version} is waiting for your answer in your messages."


def reminder_for_mentor(version: Version) -> str:
    return (f"<@{version.relationship.mentee_id}> wanted to check in gently about the "
            "mentoring agreement they sent: Confirm or Suggest an edit on it, whenever suits "
            "you. Thank you!")


def shared_version(version: Version) -> tuple[str, list[dict]]:
    """A version in the pair's conversation, put to the one whose turn it is to answer."""
    if version.adjusting:
        return proposed_change(version)
    rel = version.relationship
    value = _answer_value(version)
    if version.author is Role.MENTEE:
        text = f"<@{rel.mentee_id}> sent the expectations (version {version.version})"
        lead = (f"<@{rel.mentee_id}> sent the terms for your mentoring (version "
                f"{version.version}). <@{rel.mentor_id}>: confirm them, or suggest an edit.")
        buttons = [button("Confirm", ids.AGREEMENT_CONFIRM, value, style="primary"),
                   button("Suggest an edit", ids.AGREEMENT_EDIT, value)]
    else:
        text = f"<@{rel.mentor_id}> suggested edits (version {version.version})"
        lead = (f"<@{rel.mentor_id}> suggested edits to the agreement (version "
                f"{version.version}). <@{rel.mentee_id}>: accept them, or revise.")
        buttons = [button("Accept edits", ids.AGREEMENT_CONFIRM, value, style="primary"),
                   button("Revise", ids.AGREEMENT_EDIT, value)]
    blocks = [header("The expectations agreement"), section(lead)]
    if version.note:
        blocks.append(section(">" + escape(version.note)))
    return text, [*blocks, *terms_blocks(version),
                  actions(*buttons, block_id="agreement_answer")]


def shared_welcome(version: Version) -> tuple[str, list[dict]]:
    """The agreed terms, once, where both see them."""
    rel = version.relationship
    text = "Your mentoring has begun"
    return text, [
        header(text),
        section(f"<@{rel.mentee_id}> and <@{rel.mentor_id}> both confirmed these terms "
                f"(version {version.version}). `/mentor agreement` shows them any time."),
        *terms_blocks(version),
    ]


def replaced(version: Version) -> tuple[str, list[dict]]:
    text = f"~Version {version.version - 1} of the agreement~: replaced by version " \
        f"{version.version}, below."
    return text, [section(text)]


def replaced_by_welcome(agreed: Version) -> tuple[str, list[dict]]:
    text = f"Version {agreed.version}: accepted. The terms are below."
    return text, [section(text)]


def begun_for_mentee(version: Version) -> tuple[str, list[dict]]:
    """Her next step, in her DM: the terms are in the pair's conversation."""
    rel = version.relationship
    text = (f"<@{rel.mentor_id}> confirmed the agreement: your mentoring has begun. You "
            "drive from here: schedule your first meeting.")
    return text, [section(text), actions(
        button("Schedule a meeting", ids.OPEN_SCHEDULE, str(rel.id), style="primary"),
        block_id="first_meeting")]

"""Block Kit for offering to mentor and for `/mentor find`."""

from __future__ import annotations

from bot.domain.invitation import MeetingFormat
from bot.domain.offers import TAGS, Candidate, Offer, topic_match, words_of
from bot.messages import ids
from bot.messages.kit import (
    actions,
    button,
    choices_input,
    confirm_dialog,
    context,
    escape,
    modal,
    option,
    section,
    select_input,
    text_input,
)
from bot.messages.usual_times import place

TAG_OPTIONS = [option(tag.capitalize(), tag) for tag in TAGS]
FORMAT_CHOICES = [option(f.label.capitalize(), f.value) for f in MeetingFormat]


def offer_modal(offer: Offer | None, workspace_limit: int, usual_times: dict) -> dict:
    capacity = [option(str(n), str(n)) for n in range(1, workspace_limit + 1)]
    blocks = [
        context("Say you are open to mentoring: mentees who search with `/mentor find` see "
                "you when you have room, and still ask you themselves. Pause or withdraw it "
                "any time from your Home."),
        text_input(ids.OFFER_TOPICS, "What you can help with", optional=True,
                   initial=offer.topics if offer else None,
                   placeholder="Growing from engineer to lead; hiring; speaking up in reviews"),
        choices_input(ids.OFFER_TAGS, "Tags", TAG_OPTIONS, list(offer.tags) if offer else [],
                      kind="multi_static_select", optional=True),
        select_input(ids.OFFER_CAPACITY, "Mentees at once", capacity,
                     str(offer.capacity if offer else 1),
                     hint=f"Your own limit; this workspace allows at most {workspace_limit}."),
        choices_input(ids.OFFER_FORMATS, "Ways to meet", FORMAT_CHOICES,
                      [f.value for f in offer.formats] if offer else [MeetingFormat.VIDEO]),
        text_input(ids.OFFER_NOTE, "A short note for mentees", optional=True,
                   initial=offer.note if offer else None,
                   placeholder="Bring a concrete decision."),
        usual_times,
    ]
    return modal(ids.OFFER_VIEW, "Open to mentoring", blocks,
                 submit="Save" if offer else "Offer to mentor")


def _what(offer: Offer) -> str:
    parts = [escape(offer.topics)] if offer.topics else []
    if offer.tags:
        parts.append(", ".join(offer.tags))
    return " · ".join(parts)


def offer_on_home(offer: Offer | None, taken: int) -> list[dict]:
    """Their own offer on their Home, with the buttons that pause, edit or withdraw it."""
    if offer is None:
        return []
    state = (":double_vertical_bar: *Your offer to mentor is paused*: nobody new finds you."
             if offer.paused else
             f":seedling: *You are open to mentoring*: {taken} of {offer.capacity} "
             f"place{'s' if offer.capacity != 1 else ''} taken.")
    toggle = (button("Resume", ids.OFFER_RESUME, style="primary") if offer.paused
              else button("Pause", ids.OFFER_PAUSE))
    withdraw = button("Withdraw", ids.OFFER_WITHDRAW, style="danger")
    withdraw["confirm"] = confirm_dialog(
        "Withdraw your offer?", "Mentees will no longer find you. Your relationships now "
        "go on as they are.", "Withdraw")
    return [section(state), context(_what(offer)),
            actions(toggle, button("Edit", ids.OPEN_OFFER), withdraw, block_id="offer")]


def found(candidates: list[Candidate], searched: str) -> tuple[str, list[dict]]:
    """`/mentor find`: those with room, each with an Invite button that opens the composer."""
    about = f" for “{escape(searched)}”" if searched else ""
    text = f"People open to mentoring{about}"
    blocks = [section(f"*{text}*, with room for a new mentee. You choose, and you ask: "
                      "the invitation is yours.")]
    if searched and not any(topic_match(words_of(searched), c.offer) for c in candidates):
        blocks.append(context("Nobody's topics mention those words; here is everyone with "
                              "room, those sharing most of your working hours first."))
    for candidate in candidates:
        offer = candidate.offer
        formats = ", ".join(f.label for f in offer.formats)
        line = f"<@{candidate.user_id}>: {_what(offer)}\n_{formats}_"
        if offer.note:
            line += f"\n>{escape(offer.note)}"
        blocks.append(section(line, accessory=button(
            "Invite", ids.FIND_INVITE, candidate.user_id)))
    return text, blocks


def nobody_found() -> str:
    return ("Nobody in this workspace who offered to mentor has room right now. You can "
            "still invite anyone you admire: `/mentor invite @name`, and `/mentor find` "
            "again another day.")


def offer_saved(offer: Offer, usual_times: str = "", tz: str = "") -> str:
    said = ("Saved. Mentees who search with `/mentor find` will see you while you have room "
            f"(up to {offer.capacity} at once). Pause or withdraw it from your Home.")
    if usual_times:
        said += (f"\nYour usual times, *{usual_times}* ({place(tz)}), are shown only to the "
                 "mentees you accept, as free times to book.")
    return said

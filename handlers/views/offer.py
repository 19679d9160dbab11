"""Saving someone's offer to mentor."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext

from bot.domain.invitation import MeetingFormat
from bot.domain.offers import TAGS, Offer
from bot.domain.usual_times import WindowsRefused
from bot.flows import own_settings
from bot.messages import ids
from bot.messages.notice import notice_modal
from bot.messages.offers import offer_saved
from bot.services import offers
from bot.slack.shapes import Malformed
from handlers.context import deps_of
from handlers.payload import values

FIELDS = {"topics": ids.OFFER_TOPICS, "capacity": ids.OFFER_CAPACITY,
          "formats": ids.OFFER_FORMATS}


def _offer(view: dict) -> Offer:
    answered = values(view)
    tags = tuple(answered.get(ids.OFFER_TAGS) or ())
    formats = answered.get(ids.OFFER_FORMATS) or []
    if set(tags) - set(TAGS) or set(formats) - {f.value for f in MeetingFormat}:
        raise Malformed("a tag or format the form never offered")
    return Offer(answered.text(ids.OFFER_TOPICS), tags, answered.number(ids.OFFER_CAPACITY),
                 tuple(MeetingFormat(f) for f in formats), answered.text(ids.OFFER_NOTE))


def handle_offer(ack: Ack, view: dict, context: BoltContext) -> None:
    try:
        saved, said, tz = own_settings.save_offer(
            deps_of(context), context.team_id, context.user_id, _offer(view),
            values(view).text(ids.USUAL_TIMES))
    except offers.OfferRefused as refused:
        ack(response_action="errors",
            errors={FIELDS[field]: why for field, why in refused.errors.items()})
        return
    except WindowsRefused as refused:
        ack(response_action="errors", errors={ids.USUAL_TIMES: str(refused)})
        return
    ack(response_action="update", view=notice_modal("Open to mentoring",
                                                    offer_saved(saved, said, tz)))

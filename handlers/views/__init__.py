from slack_bolt import App

from bot.messages import ids
from handlers.views.afterwards import handle_after_meeting
from handlers.views.agenda import handle_agenda
from handlers.views.agreement import handle_agreement
from handlers.views.endings import handle_complete, handle_continue, handle_end
from handlers.views.invitation import (
    handle_compose,
    handle_counter,
    handle_decline,
    handle_follow_up,
    handle_preview,
)
from handlers.views.meetings import handle_ask_change, handle_schedule
from handlers.views.offer import handle_offer
from handlers.views.readiness import handle_readiness
from handlers.views.reminders import handle_reminders
from handlers.views.usual_times import handle_usual_times


def register(app: App) -> None:
    app.view(ids.READINESS_VIEW)(handle_readiness)
    app.view(ids.INVITE_COMPOSE_VIEW)(handle_compose)
    app.view(ids.INVITE_PREVIEW_VIEW)(handle_preview)
    app.view(ids.COUNTER_VIEW)(handle_counter)
    app.view(ids.DECLINE_VIEW)(handle_decline)
    app.view(ids.AGREEMENT_VIEW)(handle_agreement)
    app.view(ids.SCHEDULE_VIEW)(handle_schedule)
    app.view(ids.ASK_CHANGE_VIEW)(handle_ask_change)
    app.view(ids.REMINDERS_VIEW)(handle_reminders)
    app.view(ids.OFFER_VIEW)(handle_offer)
    app.view(ids.USUAL_TIMES_VIEW)(handle_usual_times)
    app.view(ids.FOLLOW_UP_VIEW)(handle_follow_up)
    app.view(ids.AGENDA_VIEW)(handle_agenda)
    app.view(ids.AFTER_VIEW)(handle_after_meeting)
    app.view(ids.COMPLETE_VIEW)(handle_complete)
    app.view(ids.CONTINUE_VIEW)(handle_continue)
    app.view(ids.END_VIEW)(handle_end)

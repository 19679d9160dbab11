import re

from slack_bolt import App

from bot.messages import ids
from handlers.actions.agreement import (
    confirm_agreement,
    edit_agreement,
    open_agreement,
    remind_about_agreement,
)
from handlers.actions.endings import (
    confirm_continuation,
    decline_continuation,
    open_complete,
    open_continue,
    open_end,
)
from handlers.actions.invitation import (
    accept_counter,
    accept_invitation,
    open_decline,
    open_suggest_changes,
    withdraw_invitation,
)
from handlers.actions.meetings import (
    ask_to_change,
    cancel_meeting,
    confirm_logistics,
    insert_agenda_prompt,
    move_to_proposed,
    open_after_meeting,
    open_agenda,
    open_reschedule,
    open_schedule,
    schedule_next,
    show_slot,
    show_their_time,
)
from handlers.actions.navigation import (
    ask_again,
    choose_relationship,
    open_invite,
    open_readiness,
    open_reminders,
    open_usual_times,
)
from handlers.actions.nudges import open_follow_up
from handlers.actions.offers import (
    invite_found,
    open_offer,
    pause_offer,
    resume_offer,
    withdraw_offer,
)
from handlers.personal_data import forget_me


def register(app: App) -> None:
    app.action(ids.INVITE_ACCEPT)(accept_invitation)
    app.action(ids.INVITE_SUGGEST)(open_suggest_changes)
    app.action(ids.INVITE_DECLINE)(open_decline)
    app.action(ids.COUNTER_ACCEPT)(accept_counter)
    app.action(ids.INVITE_WITHDRAW)(withdraw_invitation)
    app.action(ids.OPEN_READINESS)(open_readiness)
    app.action(ids.OPEN_INVITE)(open_invite)
    app.action(ids.PROPOSE_RELATIONSHIP)(ask_again)
    app.action(ids.OPEN_OFFER)(open_offer)
    app.action(ids.OFFER_PAUSE)(pause_offer)
    app.action(ids.OFFER_RESUME)(resume_offer)
    app.action(ids.OFFER_WITHDRAW)(withdraw_offer)
    app.action(ids.FIND_INVITE)(invite_found)
    app.action(ids.OPEN_REMINDERS)(open_reminders)
    app.action(ids.OPEN_USUAL_TIMES)(open_usual_times)
    app.action(ids.FOLLOW_UP)(open_follow_up)
    app.action(ids.OPEN_AGREEMENT)(open_agreement)
    app.action(ids.AGREEMENT_EDIT)(edit_agreement)
    app.action(ids.AGREEMENT_CONFIRM)(confirm_agreement)
    app.action(ids.AGREEMENT_REMIND)(remind_about_agreement)
    app.action(ids.SEND_AGENDA)(open_agenda)
    app.action(ids.LOGISTICS_CONFIRM)(confirm_logistics)
    app.action(ids.MEETING_RESCHEDULE)(open_reschedule)
    # The schedule form's date and time report each change (dispatch_action).
    app.action(ids.MEETING_DATE)(show_their_time)
    app.action(ids.MEETING_TIME)(show_their_time)
    app.action(ids.USUAL_SLOT)(show_slot)
    app.action(ids.MEETING_CANCEL)(cancel_meeting)
    app.action(re.compile(f"^{ids.AGENDA_PROMPT}[1-9]$"))(insert_agenda_prompt)
    app.action(ids.MEETING_ASK_CHANGE)(ask_to_change)
    app.action(re.compile(f"^{ids.MEETING_MOVE_TO}[1-{ids.ASK_TIMES}]$"))(move_to_proposed)
    app.action(ids.OPEN_AFTER_MEETING)(open_after_meeting)
    app.action(ids.OPEN_SCHEDULE)(open_schedule)
    app.action(ids.OPEN_COMPLETE)(open_complete)
    app.action(ids.OPEN_CONTINUE)(open_continue)
    app.action(ids.OPEN_END)(open_end)
    app.action(ids.SCHEDULE_NEXT)(schedule_next)
    app.action(ids.INVITE_AGAIN)(ask_again)
    app.action(ids.CONTINUE_CONFIRM)(confirm_continuation)
    app.action(ids.CONTINUE_DECLINE)(decline_continuation)
    app.action(ids.FORGET_CONFIRM)(forget_me)
    app.action(ids.CHOOSE_RELATIONSHIP)(choose_relationship)

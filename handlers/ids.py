"""Ids shared by a Block Kit builder and the listener that answers it. Never retype them."""

COMMAND = "/mentor"

# Modals (callback_id)
READINESS_VIEW = "readiness"
INVITE_COMPOSE_VIEW = "invite_compose"
INVITE_PREVIEW_VIEW = "invite_preview"
COUNTER_VIEW = "invite_counter"
DECLINE_VIEW = "invite_decline"
AGREEMENT_VIEW = "agreement"
SCHEDULE_VIEW = "schedule"
AGENDA_VIEW = "agenda"

# Buttons (action_id)
OPEN_READINESS = "open_readiness"
OPEN_INVITE = "open_invite"
INVITE_ACCEPT = "invite_accept"
INVITE_SUGGEST = "invite_suggest"
INVITE_DECLINE = "invite_decline"
COUNTER_ACCEPT = "counter_accept"
INVITE_WITHDRAW = "invite_withdraw"
FOLLOW_UP = "follow_up"
OPEN_AGREEMENT = "open_agreement"
AGREEMENT_CONFIRM = "agreement_confirm"
AGREEMENT_EDIT = "agreement_edit"
AGREEMENT_REMIND = "agreement_remind"
SEND_AGENDA = "send_agenda"
LOGISTICS_CONFIRM = "logistics_confirm"
MEETING_RESCHEDULE = "meeting_reschedule"
MEETING_CANCEL = "meeting_cancel"
MEETING_ASK_CHANGE = "meeting_ask_change"

# Events
APP_HOME_OPENED = "app_home_opened"
APP_UNINSTALLED = "app_uninstalled"
TOKENS_REVOKED = "tokens_revoked"

# Inputs: each input block and its element share one id, so state reads stay simple.
READY_NEXT_GOAL = "next_goal"
READY_STRENGTHS = "strengths"
READY_GROWTH = "growth_areas"
READY_WHY_MENTOR = "why_mentor"
READY_WHY_THIS = "why_this_mentor"

INVITE_MENTOR = "mentor"
INVITE_INTRO = "intro"
INVITE_WHY_THEM = "why_them"
INVITE_MONTHS = "months"
INVITE_CADENCE = "cadence"
INVITE_MINUTES = "minutes"
INVITE_FORMAT = "format"
INVITE_LOGISTICS = "logistics"
INVITE_REPLY_BY = "reply_by"
INVITE_OFFER = "offer"

COUNTER_NOTE = "counter_note"
DECLINE_REASON = "decline_reason"

AGREEMENT_TERM = "term_"  # term_1, term_2, ...
AGREEMENT_OWN_TERMS = "own_terms"
AGREEMENT_RESCHEDULE = "reschedule_hours"
AGREEMENT_AGENDA = "agenda_days"
AGREEMENT_NOTE = "agreement_note"

MEETING_DATE = "date"
MEETING_TIME = "time"
MEETING_LINK = "link"
MEETING_PLACE = "place"
AGENDA_TOPICS = "topics"
AGENDA_QUESTIONS = "questions"
AGENDA_CONTEXT = "context"
AGENDA_LINKS = "links"

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
AFTER_VIEW = "after_meeting"
COMPLETE_VIEW = "complete"
CONTINUE_VIEW = "continue"
END_VIEW = "end_relationship"
ASK_CHANGE_VIEW = "ask_change"
REMINDERS_VIEW = "reminders"
FOLLOW_UP_VIEW = "follow_up"

# Buttons (action_id)
OPEN_READINESS = "open_readiness"
OPEN_INVITE = "open_invite"
OPEN_REMINDERS = "open_reminders"
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
# The mentee moves the meeting to one of the times the mentor proposed, in one click.
MEETING_MOVE_TO = "meeting_move_to_"  # + 1, 2 or 3: action ids are unique per message
OPEN_AFTER_MEETING = "open_after_meeting"
OPEN_SCHEDULE = "open_schedule"
OPEN_COMPLETE = "open_complete"
OPEN_CONTINUE = "open_continue"
OPEN_END = "open_end"
# A nudge's "book the next one": says so if it is booked already.
SCHEDULE_NEXT = "schedule_next"
INVITE_AGAIN = "invite_again"
CONTINUE_CONFIRM = "continue_confirm"
CONTINUE_DECLINE = "continue_decline"
FORGET_CONFIRM = "forget_confirm"
CHOOSE_RELATIONSHIP = "choose_relationship"

# Events
APP_HOME_OPENED = "app_home_opened"
APP_UNINSTALLED = "app_uninstalled"
TOKENS_REVOKED = "tokens_revoked"
USER_CHANGE = "user_change"

# Inputs: each input block and its element share one id, so state reads stay simple.
READY_NEXT_GOAL = "next_goal"
READY_STRENGTHS = "strengths"
READY_GROWTH = "growth_areas"
READY_WHY_MENTOR = "why_mentor"

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
THEIR_TIME = "their_time"
MEETING_LINK = "link"
MEETING_PLACE = "place"
ASK_NOTE = "ask_note"
# Up to three times the mentor proposes: ask_date_1 / ask_time_1, and so on.
ASK_DATE = "ask_date_"
ASK_TIME = "ask_time_"
ASK_TIMES = 3
AGENDA_TOPICS = "topics"
AGENDA_QUESTIONS = "questions"
AGENDA_CONTEXT = "context"
AGENDA_LINKS = "links"
AFTER_HELD = "held"
AFTER_TAKEAWAYS = "takeaways"
AFTER_THANKS = "thanks"
AFTER_SHARED = "shared_something_real"

COMPLETE_REFLECTION = "reflection"
COMPLETE_THANKS = "final_thanks"
CONTINUE_MONTHS = "extra_months"
CONTINUE_NOTE = "continue_note"
END_REASON = "end_reason"

# The reminder settings form.
QUIET_START = "quiet_start"
QUIET_END = "quiet_end"
REMINDER_OPTIONS = "reminder_options"
OPTION_WEEKENDS = "weekends"
OPTION_DAY_BEFORE = "day_before"
OPTION_MENTOR_STARTING_SOON = "mentor_starting_soon"
OPTION_MENTEE_STARTING_SOON = "mentee_starting_soon"
FOLLOW_UP_TEXT = "follow_up_text"

# Offering to mentor, and finding someone who does.
OFFER_VIEW = "offer"
OPEN_OFFER = "open_offer"
OFFER_TOPICS = "offer_topics"
OFFER_TAGS = "offer_tags"
OFFER_CAPACITY = "offer_capacity"
OFFER_FORMATS = "offer_formats"
OFFER_NOTE = "offer_note"
OFFER_PAUSE = "offer_pause"
OFFER_RESUME = "offer_resume"
OFFER_WITHDRAW = "offer_withdraw"
FIND_INVITE = "find_invite"

# One mentoring conversation: what it asks for, and the relationship that may follow.
INVITE_ASK = "ask"
PROPOSE_RELATIONSHIP = "propose_relationship"

# The mentor's usual times, and the slots inside them offered when she books.
USUAL_TIMES_VIEW = "usual_times"
OPEN_USUAL_TIMES = "open_usual_times"
USUAL_TIMES = "usual_times_text"
USUAL_SLOT = "usual_slot"
ANOTHER_TIME = "another"

# What she shares after a meeting, and where she stands on her goal at the end.
AFTER_SUMMARY = "summary"
COMPLETE_GOAL_NOW = "goal_now"

# Ideas from the article, inserted into the agenda's questions on her click.
AGENDA_PROMPT = "agenda_prompt_"  # + the prompt's number

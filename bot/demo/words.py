"""What the demo's people write: Ana's readiness answers and agendas, Ben's offer."""

READINESS = {
    "next_goal": "Lead a platform team within two years",
    "strengths": "I ship reliable services, and new engineers say my onboarding docs are the "
                 "best they've had",
    "growth_areas": "Influencing decisions across teams when I have no authority over them",
    "why_mentor": "I want perspective from someone who has made the move from engineer to lead",
}
WHY_BEN = ("Your talk on blameless incident reviews changed how my team learns from failure; "
           "I'd love to learn how you built that culture.")
OFFER = {"offer_topics": "Moving from engineer to lead; incident culture; hiring",
         "offer_tags": ["leadership", "engineering"], "offer_capacity": "2",
         "offer_formats": ["video"],
         "offer_note": "Bring a decision you are facing.",
         # His usual times, in his zone: 18:00 to 19:30 for Ana in Berlin.
         "usual_times_text": "Wed and Fri 9:00-10:30"}
AGENDAS = [
    # The first meeting's agenda starts with the two items mentorbot offers: their paths
    # and their expectations; Ana adds her own.
    {"topics": "1. Our paths so far: a professional and a personal choice that shaped each "
               "of them\n2. Our expectations, talked through\n3. How you prepared for your "
               "first skip-level meeting",
     "questions": "What did you wish you had asked?"},
    {"topics": "Saying no to a senior stakeholder without burning the bridge",
     "context": "A roadmap request lands on my team next month."},
    {"topics": "Reading the room in a design review I don't run"},
]
# The notes her invitation promised, shared with each thanks.
SUMMARIES = [
    "We traced how you moved from engineer to lead. My next step: open each skip-level with "
    "the decision I need, and ask what you wish you had asked.",
    "Saying no: name the trade-off, offer the smaller yes, and put it in writing the same "
    "day. I'll try it on the roadmap request.",
    "Design reviews: ask two questions before giving any opinion; the costly decision you "
    "described taught me to weigh my health in it too.",
]
THANKS = [
    "Thank you! Opening with the decision I need changed how the meeting went.",
    "Thanks for moving things around for me, and for the script for saying no.",
    "Thank you. I tried your two-questions trick in the review and it worked.",
]

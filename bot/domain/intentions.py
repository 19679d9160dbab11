"""Clear intentions: an invitation that reads as a job hunt gets one word of warning.

"It is not your mentor's job to find you a new job": a mentor asked for a referral or a
role feels used. The rule looks for the intent, not for single words: someone asking to
be hired, referred, vouched for or introduced for a role, or saying that a job is what
they are after. Hiring, interviews and jobs as things to learn about never warn. It never
refuses: the mentee may send it as she wrote it."""

from __future__ import annotations

import re

# The pieces the intents are built from, over normalised words (lower case, plain "e").
ME = r"(?:me|myself)"
MY = r"(?:my|our)"
PAPERS = r"(?:cv|resume|application|candidacy|profile|portfolio|name|details|linkedin)"
JOB = (r"(?:job|jobs|role|roles|position|positions|opening|openings|vacanc(?:y|ies)|"
       r"opportunit(?:y|ies)|post|spot|seat|headcount|req|offer)")
THEIR_PLACE = (r"(?:your|the|their|his|her) (?:\w+ )?(?:team|company|org|organi[sz]ation|"
               r"group|department|firm|employer|office|startup|squad)")
GATEKEEPERS = (r"(?:recruiters?|recruiting|talent(?: acquisition)?(?: team| partners?)?|"
               r"hiring (?:managers?|team|committee|panel)|hr|people team|head of \w+)")
PLACE_ME = (r"(?:refer|recommend|vouch for|nominate|endorse|introduce|connect|put forward|"
            r"submit|shortlist|fast[- ]track|sponsor)")
# "Hiring" naming the work of hiring ("hiring managers"), not an employer with a place.
NOT_THE_WORK = r"(?! (?:managers?|process|processes|practices|panel|committee|bar|loop))"
GETS = r"(?:lands?|landing|finds?|finding|gets?|getting|secures?|securing|win|winning)"
SEEKS = r"(?:looking|searching|hunting)"
APPLIES = r"(?:apply|applying|applied|application)"

INTENTS: dict[str, tuple[str, ...]] = {
    "to be referred or vouched for": (
        rf"\b{PLACE_ME}(?:s|ed|ing)? {ME}\b",
        rf"\b{PLACE_ME}(?:s|ed|ing)? {MY} (?:move|transfer|application|candidacy)\b",
        rf"\bwrite {ME} a (?:recommendation|reference)\b",
        rf"\b(?:recommendation|reference|referral) (?:letter )?(?:for|to) (?:a |an |the |"
        rf"this |that |your )?\w*\s?{JOB}\b",
        r"\b(?:referrals?|endorsements?)\b",
        r"\buse your name\b",
        rf"\bvouch(?:es|ed|ing)? for {ME}\b",
        rf"\bput {ME} (?:forward|up for|for)\b",
        r"\b(?:be|as) (?:a|my) (?:reference|referee)\b",
    ),
    "a word said for them": (
        r"\b(?:put|say|drop|have|give)s? (?:in )?a (?:good |kind )?word\b",
        rf"\ba (?:good|kind) word (?:for|about) {ME}\b",
        rf"\bon {MY} behalf\b",
        rf"\bspeak up for {ME}\b",
        rf"\bkeep {ME} in mind\b",
        r"\b(?:something|anything) opens up\b",
    ),
    "their CV passed on": (
        rf"\b(?:pass|passing|forward|forwarding|send|sending|share|sharing|hand|get|getting|"
        rf"put|putting|flag|flagging|show|take|mention|mentioning|drop|dropping)(?:s|ed)? "
        rf"{MY} {PAPERS}\b",
        rf"\b{MY} {PAPERS} (?:on |along )?(?:to|in front of|with) (?:a |the |your )?"
        rf"{GATEKEEPERS}",
    ),
    "an introduction to those who hire": (
        rf"\b(?:introduc(?:e|ing|tion)|connect(?:ion)?|intro|talk|speak|chat|word|"
        rf"meet(?:ing)?|in touch)\b[\w ,']{{0,30}}\b(?:to|with)\b (?:(?:one of |some of |"
        rf"someone (?:on|in|from) )?(?:a|the|your|their|any|some) )?{GATEKEEPERS}\b",
        rf"\b{GATEKEEPERS}\b[\w ,']{{0,40}}\b(?:{ME}|{MY} {PAPERS})\b",
        rf"\b(?:let|tell)s? (?:your |the |a |their )?{GATEKEEPERS} know\b",
    ),
    "to be hired": (
        rf"\bhire {ME}\b",
        r"\b(?:get|be|getting|being) (?:hired|recruited|employed)\b",
        rf"\b(?:join|joining|work (?:for|at|in)|working (?:for|at|in)) {THEIR_PLACE}\b",
        r"\b(?:work|working) for you\b",
        r"\bfoot in the door\b",
        rf"\bget {ME} in\b",
        r"\b(?:be|being|get|getting) considered(?: for\b|[.!?]|$)",
        rf"\b(?:are|is) (?:you|they|your \w+|the \w+)(?: \w+)? hiring\b{NOT_THE_WORK}",
        rf"\b(?:you're|you are|they're|they are) hiring\b{NOT_THE_WORK}",
        rf"\b(?:break|breaking|get|getting) into {THEIR_PLACE}",
    ),
    "a job where the mentor works": (
        rf"\b{JOB} (?:\w+ )?(?:at|on|in|with|within) {THEIR_PLACE}",
        r"\ba (?:job|position|role|spot|place) (?:with|under|for) you\b",
        rf"\b(?:any|open|opening|available|new) {JOB}\b(?! (?:to|for) (?:learn|grow|"
        rf"practi[sc]e))",
        r"\bjob (?:opening|openings|offer|offers|ad|posting)\b",
        r"\bvacanc(?:y|ies)\b",
        rf"\bhiring for\b(?! {MY})",
        rf"\boffer (?:from|at|with) {THEIR_PLACE}",
        rf"\binterview (?:at|with) {THEIR_PLACE}",
    ),
    "the search itself": (
        r"\bjob[- ]?(?:hunt|hunting|search|searching|seeking|seeker)\b",
        rf"\b{SEEKS} for (?:a |an |my )?(?:new |next |first |better )?(?:\w+ )?(?:job|"
        rf"role(?! model)|position|opportunity|opportunities|employer|gig|employment|"
        rf"work(?! life))\b",
        r"\b(?:find|finding|seek|seeking) employment\b",
        rf"\b{GETS} (?:me )?(?:a |an |my )?(?:new |next |first |better )?(?:job|role|"
        rf"position|offer|interview)\b",
        rf"\b{APPLIES}(?: \w+)? (?:for|to) (?:a |an |the |your |their |this |that )?\w*\s?"
        rf"{JOB}",
        rf"\b{APPLIES} (?:to|at|with) {THEIR_PLACE}",
        r"\bmy next (?:job|role|position|move|gig)\b",
        r"\bopen to work\b",
        r"\bon the (?:job )?market\b",
        r"\bbetween jobs\b",
    ),
}

# A sentence plainly about learning to hire (or about the past) is no job hunt, even when
# an intent matches in it, unless it also asks something for the writer.
LEARNING = (r"\b(?:how (?:to|you|do you|did you|they)|learn(?:ing)? (?:to|how|about)|"
            r"get better at|improve (?:my|our)|run(?:ning)? (?:an? |the |my |our )?"
            r"(?:hiring|interview)|(?:hiring|interviewing) (?:for (?:my|our)|candidates)|"
            r"my (?:past|previous|last|old|first) (?:jobs?|roles?|positions?))\b")
FOR_THE_WRITER = rf"\b{ME}\b|\b{MY} (?:{PAPERS}|next)\b"

_INTENT = re.compile("|".join(f"(?:{p})" for ps in INTENTS.values() for p in ps))
_LEARNING = re.compile(LEARNING)
_FOR_THE_WRITER = re.compile(FOR_THE_WRITER)
_SENTENCES = re.compile(r"(?<=[.!?;\n])\s+")

WHY = ("It is not your mentor's job to find you a new job: asking for a referral or a role "
       "in a mentoring invitation can make them feel used. Be clear on what you hope to learn "
       "from them.")


def _normalised(text: str) -> str:
    text = text.lower().replace("’", "'").replace("é", "e").replace("c.v.", "cv")
    return re.sub(r"[^\w'.!?;\n]+", " ", text)


def _asks_for_a_job(sentence: str) -> bool:
    if _INTENT.search(sentence) is None:
        return False
    return not (_LEARNING.search(sentence) and not _FOR_THE_WRITER.search(sentence))


def reads_as_job_hunt(*texts: str) -> bool:
    return any(_asks_for_a_job(sentence)
               for text in texts
               for sentence in _SENTENCES.split(_normalised(text or "")))

"""Clear intentions: an invitation that reads as a job hunt gets one word of warning.

"It is not your mentor's job to find you a new job": a mentor asked for a referral or a
role feels used. This only reads the words for a few unmistakable phrases; it never
refuses, and the mentee may send as she wrote it."""

from __future__ import annotations

import re

JOB_HUNT_PHRASES = (
    r"refer(?:ral| me)\b", r"\bopen (?:role|roles|position|positions|req)\b",
    r"\bjob (?:opening|openings|offer)\b", r"\bto (?:the |a |your )?hiring manager\b",
    r"\b(?:get|be|getting) hired\b",
    r"\bhire me\b", r"\b(?:a|the) (?:job|position|role) (?:at|on|in) (?:your|the) (?:team|company)",
    r"\bput in a good word\b", r"\bvacanc(?:y|ies)\b", r"\brecommend me (?:for|to)\b",
    r"\bintroduc(?:e me|tion) to (?:a |the |your )?(?:recruiter|hiring)",
    r"\b(?:land|find|get) (?:me )?a (?:new )?job\b", r"\bapply(?:ing)? (?:for|to) (?:a |the |an )?"
    r"(?:role|job|position|opening)",
)
_PATTERN = re.compile("|".join(JOB_HUNT_PHRASES), re.IGNORECASE)

WHY = ("It is not your mentor's job to find you a new job: asking for a referral or a role "
       "in a mentoring invitation can make them feel used. Be clear on what you hope to learn "
       "from them.")


def reads_as_job_hunt(*texts: str) -> bool:
    return any(_PATTERN.search(text or "") for text in texts)

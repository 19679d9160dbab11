"""The job-hunt warning's rule: unmistakable asks for a job are caught, learning is not."""

from __future__ import annotations

import pytest

from bot.domain.intentions import reads_as_job_hunt

JOB_HUNTS = [
    "Could you refer me for the staff role on your team?",
    "I'd be grateful for a referral to your company.",
    "I saw the open role on the platform team and would love your support.",
    "Are there open positions in your org?",
    "I'm looking at a job opening in your department.",
    "Could you introduce me to the hiring manager for data?",
    "I really want to get hired at Acme.",
    "My goal is to be hired by your team next year.",
    "Please hire me!",
    "I'd love a job at your company.",
    "Could you put in a good word for me?",
    "I noticed the vacancy in your group.",
    "Would you recommend me for the lead position?",
    "An introduction to a recruiter would help me a lot.",
    "Help me land a new job before spring.",
    "I want to find a job in platform engineering.",
    "I'm applying for a role at your company.",
    "I plan to apply to the opening on your team.",
    "A referral from you would mean a lot.",
    "I have a job offer and need your help negotiating it.",
]
LEARNING = [
    "I want to learn how you built your hiring process.",
    "How did you prepare for your first job as a lead?",
    "Your talk on incident reviews changed how my team works.",
    "I'd love to hear about the decisions that shaped your career.",
    "I want to grow into a role with more influence across teams.",
    "Notes from each session you can reuse with your own mentees.",
    "I lead a team of five and want to get better at feedback.",
    "How do you decide which roles to open on your team?",
    "I admire how you handled the reorganisation last year.",
    "I'd like to understand how hiring managers think about growth.",
    "Your approach to onboarding new engineers inspired me.",
    "My goal: lead a platform team within two years.",
    "I'm preparing for my first skip-level meeting.",
    "What did your job involve when you moved into management?",
    "I want perspective from someone who has made this move.",
    "I would apply what I learn to my team's retrospectives.",
    "Opening with the decision I need changed how the meeting went.",
    "I'd offer my notes and a summary after each session.",
    "I referred back to your article many times.",
    "How do you keep a good word with stakeholders you disagree with?",
]


@pytest.mark.parametrize("text", JOB_HUNTS)
def test_an_ask_for_a_job_is_caught(text):
    assert reads_as_job_hunt(text)


@pytest.mark.parametrize("text", LEARNING)
def test_an_ask_to_learn_is_not(text):
    assert not reads_as_job_hunt(text)


def test_any_of_the_fields_may_carry_it():
    assert reads_as_job_hunt("I lead a team.", "", "a referral would be lovely")
    assert not reads_as_job_hunt("", "", "")

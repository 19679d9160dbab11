"""The job-hunt warning's rule: asks to be hired, referred, vouched for or introduced for a
role are caught, however they are worded; learning about hiring, interviews or past jobs
is not."""

from __future__ import annotations

import pytest

from bot.domain.intentions import reads_as_job_hunt

JOB_HUNTS = [
    # Referred, recommended, vouched for, put forward.
    "Could you refer me for the staff role on your team?",
    "I'd be grateful for a referral to your company.",
    "A referral from you would mean a lot.",
    "Would you recommend me for the lead position?",
    "Would you vouch for me when I apply?",
    "If you could vouch for me with the hiring team, I'd be thrilled.",
    "Could you put me forward for the platform lead opening?",
    "Would you be willing to be a reference for me?",
    "I'd love to list you as a reference.",
    "Could you nominate me for the internal transfer?",
    # A word said for her.
    "Could you put in a good word for me?",
    "Could you put in a word for me with your recruiter?",
    "Maybe you could say a good word about me to your boss.",
    "Would you speak to the hiring manager on my behalf?",
    # Her CV passed on.
    "Could you pass my CV on to your hiring team?",
    "Would you forward my resume to the right person?",
    "Could you share my profile with your recruiters?",
    "I'd appreciate it if you could get my résumé in front of the hiring manager.",
    "Please flag my application to the talent team.",
    # Introduced to the people who hire.
    "Could you introduce me to the hiring manager for data?",
    "An introduction to a recruiter would help me a lot.",
    "Could you connect me with someone in talent acquisition?",
    "Would you put me in touch with your recruiting team?",
    "A quick chat with your head of engineering about the role would be amazing.",
    # Hired, joining.
    "I really want to get hired at Acme.",
    "My goal is to be hired by your team next year.",
    "Please hire me!",
    "I would love to join your team.",
    "My dream is to work for your company.",
    "I'm hoping to get my foot in the door at your company.",
    # Their jobs.
    "I'd love a job at your company.",
    "I saw the open role on the platform team and would love your support.",
    "Are there open positions in your org?",
    "I'm looking at a job opening in your department.",
    "I noticed the vacancy in your group.",
    "Are you hiring for the data team?",
    "Do you know of any openings on your team?",
    "I'd love to hear about roles at your company.",
    # The search itself.
    "I'm job hunting and would value your help.",
    "I'm currently job-searching after the layoffs.",
    "I'm looking for a new job in product.",
    "I'm looking for my next role.",
    "I hope my next role will be at your company.",
    "Help me land a new job before spring.",
    "I want to find a job in platform engineering.",
    "I'm applying for a role at your company.",
    "I plan to apply to the opening on your team.",
    "I have a job offer and need your help negotiating it.",
    "I'd love your help getting an offer from your company.",
    "Could you help me get an interview at your company?",
    "I've been on the market for a few months now.",
    "I'm open to work and hoping you know people.",
    "I was laid off last month and I'm looking for work.",
    "Is your team hiring? I'd love to be considered.",
    "I'd love to be considered for the senior designer opening.",
    "Would you keep me in mind if something opens up on your team?",
    "Any chance you could tell your recruiter about me?",
    "Do you know any recruiters who could look at my profile?",
    "Please let your HR know I'm interested.",
    "I've applied to your company and would love your backing.",
    "I'm hoping you can get me in at your company.",
    "I'm trying to break into your company; any help is welcome.",
    "Would you be a referee for my application?",
    "Would you write me a recommendation for the role?",
    "Could you mention my name to the people running the search?",
    "I'd like you to sponsor my move to your department.",
    "Could your network help me find employment?",
    "I'm hoping for an offer from your firm by summer.",
    "Could I use your name when I apply?",
    "Is there any chance of a job with you?",
    "Your endorsement would help my chances with the hiring committee.",
    "I'm searching for my first engineering job.",
    "Could you help me get into your company?",
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
    # "refer" inside another word, or about something else.
    "I prefer meeting over video.",
    "Would you prefer me to send topics two days ahead?",
    "I'd rather you referred to my notes than to the slides.",
    "Your reference architecture for event sourcing helped my team.",
    # Hiring and interviews as skills she wants.
    "I'm hiring for my team for the first time and want to learn to run interviews.",
    "I want to get better at interviewing candidates.",
    "How do you write a job description that attracts senior engineers?",
    "I'd like to learn how you structure an interview loop.",
    "How do you sell an offer to a candidate who has others?",
    "I sit on a hiring panel now and want to be fairer.",
    "How do you work with recruiters when you are the hiring manager?",
    "I want to improve my interviewing skills as an interviewer.",
    # Past jobs, and roles as growth.
    "In my previous job I managed a small team.",
    "My last role taught me a lot about incidents.",
    "I changed jobs twice and want to understand what I learned.",
    "I want to grow into a staff engineer role in my current company.",
    "I'm new in my role and want to find my footing.",
    "What made you take your first management position?",
    "How did you know it was time to leave a job?",
    "I'd like to talk about how to negotiate scope with my manager.",
    # Learning, offered, and kindly meant.
    "I'd love to learn from your experience leading distributed teams.",
    "I can share my notes with you after each session.",
    "I hope to learn how you run your one-to-ones.",
    "Your career story inspires me and I want to hear more of it.",
    "I want to get better at writing design docs.",
    "Could you share how you found your first mentor?",
    "I admire the way you speak up for your team.",
    "I'd like to understand how you decide what to work on.",
    "What do you look for when you promote someone?",
    "I'm looking for a mentor who has led through a reorg.",
    "I'd like to be considered a stronger leader by my team.",
    "I'm looking for work-life balance advice.",
    "Are your hiring managers evaluated on retention?",
    "My team works with recruiters a lot and I want to do it well.",
    "I want to learn to be a good reference for people who leave my team.",
    "I want to learn how to open doors for people on my team.",
    "How did you find the courage to apply for promotion?",
    "How do you approach a new role in the first 90 days?",
    "Your story about changing jobs at 40 resonated with me.",
    "I manage a recruiting team and want to grow as a leader.",
    "I want your view on how you referee disagreements between engineers.",
    "I'm looking for a good role model in engineering leadership.",
]


@pytest.mark.parametrize("text", JOB_HUNTS)
def test_an_ask_for_a_job_is_caught(text):
    assert reads_as_job_hunt(text)


@pytest.mark.parametrize("text", LEARNING)
def test_an_ask_to_learn_is_not(text):
    assert not reads_as_job_hunt(text)


def test_there_are_enough_labelled_examples_on_both_sides():
    assert len(JOB_HUNTS) + len(LEARNING) >= 80
    assert min(len(JOB_HUNTS), len(LEARNING)) >= 40


def test_any_of_the_fields_may_carry_it():
    assert reads_as_job_hunt("I lead a team.", "", "a referral would be lovely")
    assert not reads_as_job_hunt("", "", "")


def test_one_learning_sentence_does_not_hide_an_ask_in_the_next():
    assert reads_as_job_hunt("I want to learn how you hire. Could you pass my CV on to them?")

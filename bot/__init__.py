"""mentorbot: a Slack app that makes mentoring relationships mentee-driven."""

"""Rules of mentoring relationships: plain Python, no Slack and no SQL."""

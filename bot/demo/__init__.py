"""The demo: a year of mentoring played against the Slack emulator, as a transcript."""

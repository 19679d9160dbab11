"""What to do about each setting that is missing or wrong: the second half of the one
line an operator reads (bot/support/settings.py says the first)."""

HINTS: dict[str, str] = {
    "SLACK_BOT_TOKEN": "set it to the Bot User OAuth Token (xoxb-...) from OAuth & Permissions",
    "SLACK_SIGNING_SECRET": "set it to the Signing Secret from Basic Information → App Credentials",
    "SLACK_APP_TOKEN": "set it to an app-level token (xapp-...) with connections:write, "
    "created under Basic Information → App-Level Tokens",
    "SLACK_CLIENT_ID": "set it to the Client ID from Basic Information → App Credentials",
    "SLACK_CLIENT_SECRET": "set it to the Client Secret from Basic Information → App Credentials",
    "DATABASE_URL": "use a SQLAlchemy URL such as sqlite:///mentorbot.db or "
    "postgresql+psycopg://user@host/dbname",
    "SLACK_API_URL": "use an http(s) URL ending in /api/, or leave it unset for Slack's own",
    "PORT": "use a TCP port number between 1 and 65535",
    "MENTOR_LIMIT": "use a whole number of open relationships per mentor, at least 1",
    "INVITATION_REPLY_DAYS": "use a whole number of days between 1 and 30",
    "INVITATION_GRACE_DAYS": "use a whole number of days between 0 and 30",
    "SCHEDULER_TICK_SECONDS": "use a number of seconds between 1 and 3600",
    "LOGISTICS_LEAD_HOURS": "use a whole number of hours between 1 and 168",
    "MEETING_REMINDER_MINUTES": "use a whole number of minutes between 1 and 240",
    "AGREEMENT_DUE_DAYS": "use a whole number of days between 1 and 30",
    "AGREEMENT_REPLY_DAYS": "use a whole number of days between 1 and 30",
    "QUIET_HOURS_START": "use a time of day such as 21:00",
    "QUIET_HOURS_END": "use a time of day such as 08:00",
    "QUIET_WEEKENDS": "use true or false",
    "MENTOR_STARTING_SOON": "use true or false",
    "NUDGE_LEASE_SECONDS": "use a number of seconds between 1 and 3600",
    "NUDGE_MAX_ATTEMPTS": "use a whole number between 1 and 50",
    "NUDGE_BATCH_SIZE": "use a whole number between 1 and 5000",
    "WEB_WORKERS": "use a number of server processes between 1 and 64 (about one per core)",
    "WEB_THREADS": "use a number of threads per server process between 1 and 512",
    "SLACK_CALLS_PER_MINUTE": 'use JSON mapping Slack methods to calls per minute, such as '
    '{"chat.postMessage": 600}; "*" for every other method, 0 for no pacing',
    "SMTP_URL": "use smtps://user:password@host:465 (implicit TLS) or smtp://host:587 "
    "(STARTTLS when the server offers it)",
    "CALENDAR_FROM": "set it to the address calendar invitations come from, e.g. "
    "mentorbot@example.com",
    "DATABASE_POOL": "use direct (the default) or pgbouncer (PgBouncer in transaction "
    "mode in front of PostgreSQL)",
    "BIND_ADDRESS": "use an IP address to listen on, such as 0.0.0.0 or 127.0.0.1",
    "METRICS_ADDRESS": "use host:port, such as 127.0.0.1:9100, on another port than PORT",
    "LOG_LEVEL": "use DEBUG, INFO, WARNING or ERROR",
    "LOG_FORMAT": "use text (a line per record) or json (a JSON object per line)",
    "SCHEDULER_ENABLED": "use true (this process also sends the nudges) or false (a separate "
    "`mentorbot dispatch` or `run-due` does)",
    "TOKEN_ENCRYPTION_KEY": "use keys made by `mentorbot token-key` (44 characters each), "
    "comma-separated, the newest first",
    "ALLOW_PLAINTEXT_TOKENS": "use false (the default) or true",
    "RETENTION_DAYS": "use a whole number of days between 1 and 3650 (default 365)",
    "UNINSTALL_RETENTION_DAYS": "use a whole number of days between 0 (delete at once) and "
    "3650",
    "MIGRATE_ON_START": "use true (serve brings the schema up to date itself) or false (run "
    "`mentorbot migrate` first, as in a rolling upgrade)",
    "VIRTUAL_CLOCK_FILE": "leave it unset in production; for demos and tests, a file that "
    "holds an ISO-8601 instant",
}

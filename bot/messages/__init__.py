"""Pure Block Kit builders: data in, dicts out. No Slack calls, no database."""

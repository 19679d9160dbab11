"""Small utilities every part uses: clocks, time formats, logs, metrics, mail, calendars."""

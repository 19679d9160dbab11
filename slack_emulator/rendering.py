"""What a reader's Slack client shows for a message: date tokens in the reader's zone.

Slack renders `<!date^UNIX^format|fallback>` on each client, in that person's time zone;
the emulator does the same per reader, so tests can check what each person saw."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

DATE_TOKEN = re.compile(r"<!date\^(\d+)\^([^|^>]+)(?:\^[^|>]*)?\|([^>]*)>")


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _formats(moment: datetime) -> dict[str, str]:
    clock = moment.strftime("%I:%M %p").lstrip("0")
    return {
        "date_num": moment.strftime("%Y-%m-%d"),
        "date": f"{moment:%B} {_ordinal(moment.day)}, {moment.year}",
        "date_pretty": f"{moment:%B} {_ordinal(moment.day)}, {moment.year}",
        "date_short": f"{moment:%b} {moment.day}, {moment.year}",
        "date_short_pretty": f"{moment:%b} {moment.day}, {moment.year}",
        "date_long": f"{moment:%A}, {moment:%B} {_ordinal(moment.day)}, {moment.year}",
        "date_long_pretty": f"{moment:%A}, {moment:%B} {_ordinal(moment.day)}, {moment.year}",
        "time": clock,
        "time_secs": moment.strftime("%I:%M:%S %p").lstrip("0"),
    }


def render_for(text: str, tz: str) -> str:
    """`text` as a reader in `tz` sees it."""
    def token(match: re.Match[str]) -> str:
        moment = datetime.fromtimestamp(int(match.group(1)), UTC).astimezone(ZoneInfo(tz))
        words = _formats(moment)
        return re.sub(r"\{(\w+)\}", lambda m: words.get(m.group(1), m.group(0)),
                      match.group(2))
    return DATE_TOKEN.sub(token, text)

"""Who plays in the demo, where they live, and when it starts."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

ANA, BEN, LIA = "UANA00001", "UBEN00001", "ULIA00001"
ELI, DEV = "UELI00001", "UDEV00001"  # the second story: a mentee who goes quiet
BERLIN = ZoneInfo("Europe/Berlin")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
STARTS = datetime(2027, 3, 1, 8, 30, tzinfo=UTC)  # a Monday morning in Berlin
QUIET_HOURS = {"QUIET_HOURS_START": "21:00", "QUIET_HOURS_END": "08:00"}
# Each with the time zone Slack's profile gives them; Lia is a workspace admin.
PEOPLE = ((ANA, "Ana", "Europe/Berlin"), (BEN, "Ben", "America/Los_Angeles"),
          (LIA, "Lia", "Europe/London"), (ELI, "Eli", "Europe/Madrid"),
          (DEV, "Dev", "Asia/Kolkata"))

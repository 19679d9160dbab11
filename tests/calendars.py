"""What a strict calendar client would refuse in the .ics files a test saw uploaded."""

from __future__ import annotations

from icalendar import Calendar


def ics_problems(files: list[dict]) -> list[str]:
    found = []
    for file in files:
        if not file.get("filename", "").endswith(".ics") or not file.get("content"):
            continue
        calendar = Calendar.from_ical(file["content"])
        defined = {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")}
        for event in calendar.walk("VEVENT"):
            for name in ("dtstart", "dtend"):
                tzid = event[name].params.get("TZID") if name in event else None
                if tzid and tzid not in defined:
                    found.append(f"{file['filename']}: TZID {tzid} has no VTIMEZONE")
            organizer = str(event.get("organizer", ""))
            attendees = event.get("attendee", [])
            attendees = attendees if isinstance(attendees, list) else [attendees]
            if organizer and organizer in {str(a) for a in attendees}:
                found.append(f"{file['filename']}: the organizer is also an attendee")
    return found

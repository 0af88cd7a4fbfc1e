#!/usr/bin/python3
"""Reads an iCalendar feed with python3-icalendar (Debian) and expands it for a window with
dateutil's rrule, honouring EXDATE and RECURRENCE-ID overrides. Prints one JSON object per
occurrence: uid, start (ISO with offset), status. Usage: expand_ics.py FEED FROM TO (ISO dates)."""
import json, sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
from dateutil.rrule import rrulestr
from icalendar import Calendar

feed, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
with open(feed, "rb") as f:
    cal = Calendar.from_ical(f.read())

oslo = ZoneInfo("Europe/Oslo")
win_from = datetime.fromisoformat(start).replace(tzinfo=oslo)
win_to = datetime.fromisoformat(end).replace(tzinfo=oslo)

def aware(dt):
    return dt if dt.tzinfo else dt.replace(tzinfo=oslo)

masters, overrides = {}, {}
for ev in cal.walk("VEVENT"):
    uid = str(ev["UID"])
    if ev.get("RECURRENCE-ID"):
        overrides.setdefault(uid, {})[aware(ev["RECURRENCE-ID"].dt).astimezone(ZoneInfo("UTC"))] = ev
    else:
        masters[uid] = ev

out = []
for uid, ev in masters.items():
    dtstart = aware(ev["DTSTART"].dt)
    duration = aware(ev["DTEND"].dt) - dtstart
    status = str(ev.get("STATUS", "CONFIRMED"))
    if ev.get("RRULE"):
        # Expand in local wall-clock time, as RFC 5545 says for DTSTART with TZID.
        rule = rrulestr(ev["RRULE"].to_ical().decode(), dtstart=dtstart.replace(tzinfo=None))
        exdates = set()
        for exdate in (ev.get("EXDATE") if isinstance(ev.get("EXDATE"), list) else [ev.get("EXDATE")] if ev.get("EXDATE") else []):
            for d in exdate.dts:
                exdates.add(aware(d.dt).astimezone(ZoneInfo("UTC")))
        starts = []
        for local in rule.between((win_from - duration - timedelta(days=1)).replace(tzinfo=None), win_to.replace(tzinfo=None), inc=True):
            starts.append(local.replace(tzinfo=oslo))
    else:
        exdates, starts = set(), [dtstart]
    for s in starts:
        key = s.astimezone(ZoneInfo("UTC"))
        cancelled = key in exdates
        o = overrides.get(uid, {}).get(key)
        if cancelled and o is None:
            continue  # EXDATE: the date is not part of the series any more
        begin, st = (aware(o["DTSTART"].dt), "moved") if o is not None else (s, "cancelled" if cancelled or status == "CANCELLED" else "scheduled")
        if begin < win_to and begin + duration > win_from:
            out.append({"uid": uid, "start": begin.isoformat(), "status": st})
print(json.dumps(sorted(out, key=lambda x: (x["start"], x["uid"]))))

// Reads an iCalendar feed with ical.js (Mozilla's parser) and expands it for a window, honouring
// EXDATE and RECURRENCE-ID. Prints JSON: [{ uid, start (ISO with offset), status }].
// Usage: node expand-ics.mjs FEED FROM TO   (FROM/TO as YYYY-MM-DD, local Europe/Oslo)
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const [feedPath, from, to] = process.argv.slice(2);
const component = new ICAL.Component(ICAL.parse(readFileSync(feedPath, 'utf8')));
for (const tz of component.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(tz);
}
const zone = ICAL.TimezoneService.get('Europe/Oslo');
const localMidnight = date => {
  const [year, month, day] = date.split('-').map(Number);
  return ICAL.Time.fromData({ year, month, day, hour: 0, minute: 0, second: 0, isDate: false }, zone);
};
const windowFrom = localMidnight(from);
const windowTo = localMidnight(to);

// Exceptions are passed per UID: left to itself, ical.js relates every RECURRENCE-ID event of the
// calendar to every series, whatever its UID.
const vevents = component.getAllSubcomponents('vevent');
const uidOf = v => v.getFirstPropertyValue('uid');
const masters = vevents
  .filter(v => !v.hasProperty('recurrence-id'))
  .map(v => new ICAL.Event(v, {
    strictExceptions: true,
    exceptions: vevents.filter(x => x.hasProperty('recurrence-id') && uidOf(x) === uidOf(v)).map(x => new ICAL.Event(x)),
  }));

const offset = t => {
  const minutes = Math.round(t.utcOffset() / 60);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};
const iso = t => `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}T${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}:${String(t.second).padStart(2, '0')}${offset(t)}`;

const out = [];
for (const event of masters) {
  const status = event.component.getFirstPropertyValue('status') === 'CANCELLED' ? 'cancelled' : 'scheduled';
  if (!event.isRecurring()) {
    if (event.startDate.compare(windowTo) < 0 && event.endDate.compare(windowFrom) > 0) {
      out.push({ uid: event.uid, start: iso(event.startDate), status });
    }
    continue;
  }
  const iterator = event.iterator();
  for (let next = iterator.next(), guard = 0; next && guard < 5000; next = iterator.next(), guard++) {
    const details = event.getOccurrenceDetails(next);
    if (details.startDate.compare(windowTo) >= 0 && next.compare(windowTo) >= 0) break;
    if (details.endDate.compare(windowFrom) > 0 && details.startDate.compare(windowTo) < 0) {
      const moved = details.item !== event;
      out.push({ uid: event.uid, start: iso(details.startDate), status: moved ? 'moved' : status });
    }
  }
}
out.sort((a, b) => (a.start + a.uid).localeCompare(b.start + b.uid));
console.log(JSON.stringify(out));

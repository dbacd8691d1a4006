// A VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, from the runtime's own time zone data
// (Intl), so a meeting at 10:00 in New York is 10:00 there in every calendar, on either side
// of a daylight saving change. Each offset change in the years around the meeting is one
// observance with its onset; an observance from 1970 carries the offset in force before them.
import { dayMs, minuteMs } from '../../../lib/calendar.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in minutes (New York in winter: −300). */
export function offsetMinutes(timeZone: string, at: number): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, format);
  }
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0) / 60;
  return match[1] === '-' ? -minutes : minutes;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `YYYYMMDDTHHMMSS` of the wall clock `offset` minutes from UTC at `at`. */
export function wallTime(at: number, offset: number): string {
  return new Date(at + offset * minuteMs).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(minutes));
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

export type Transition = { at: number; from: number; to: number };

/** Offset changes between two instants, each to the minute. */
export function transitions(timeZone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  let before = offsetMinutes(timeZone, from);
  for (let day = from; day < to; day += dayMs) {
    const next = Math.min(day + dayMs, to);
    const after = offsetMinutes(timeZone, next);
    if (after === before) continue;
    // The change lies in (day, next]: narrow it down to the minute.
    let low = day;
    let high = next;
    while (high - low > minuteMs) {
      const middle = low + Math.floor((high - low) / 2 / minuteMs) * minuteMs;
      if (offsetMinutes(timeZone, middle) === before) low = middle;
      else high = middle;
    }
    found.push({ at: high, from: before, to: after });
    before = after;
  }
  return found;
}

/** The VTIMEZONE lines for a zone, covering a year either side of the instants given. */
export function vtimezone(timeZone: string, around: { from: Date; to: Date }): string[] {
  const start = around.from.getTime() - 366 * dayMs;
  const end = around.to.getTime() + 366 * dayMs;
  const changes = transitions(timeZone, start, end);
  const initial = offsetMinutes(timeZone, start);
  const offsets = [initial, ...changes.map((c) => c.to)];
  // Where a zone keeps summer time, the smaller offset is standard time.
  const standard = Math.min(...offsets);
  const observance = (dtstart: string, from: number, to: number) => {
    const kind = to > standard ? 'DAYLIGHT' : 'STANDARD';
    return [
      `BEGIN:${kind}`,
      `DTSTART:${dtstart}`,
      `TZOFFSETFROM:${utcOffset(from)}`,
      `TZOFFSETTO:${utcOffset(to)}`,
      `END:${kind}`,
    ];
  };
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance('19700101T000000', initial, initial),
    // DTSTART is the onset in the local time before the change (RFC 5545 §3.6.5).
    ...changes.flatMap((c) => observance(wallTime(c.at, c.from), c.from, c.to)),
    'END:VTIMEZONE',
  ];
}

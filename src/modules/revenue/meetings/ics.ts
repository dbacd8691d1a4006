// A meeting as an iCalendar invitation (RFC 5545, with iTIP's METHOD, RFC 5546): REQUEST for
// a new or changed meeting, CANCEL when it is called off. Times are local to the meeting's
// zone with its VTIMEZONE; the UID stays the same and SEQUENCE rises with every change, so a
// calendar updates the event it already has instead of adding another. Pure.
import { vtimezone, wallTime, offsetMinutes } from './vtimezone.ts';

export type IcsPerson = { name: string | null; email: string };

export type IcsMeeting = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string | null;
  description: string | null;
  sequence: number;
  organizer: IcsPerson | null;
  attendees: IcsPerson[];
  /** The public address of Steward, for the event's link back. */
  url: string | null;
};

export type IcsMethod = 'REQUEST' | 'CANCEL';

/** TEXT values: backslash, semicolon, comma and line breaks escaped (§3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** A parameter value, quoted (§3.2): a display name may hold `:`, `;` or `,`. */
function param(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

/** Lines longer than 75 octets fold onto continuation lines that start with a space (§3.1). */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const length = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (size + length > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (at: Date) => `${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

function local(at: Date, timeZone: string) {
  return wallTime(at.getTime(), offsetMinutes(timeZone, at.getTime()));
}

function person(role: 'ORGANIZER' | 'ATTENDEE', who: IcsPerson, method: IcsMethod) {
  const name = who.name ? `;CN=${param(who.name)}` : '';
  const extra =
    role === 'ATTENDEE'
      ? `;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION${method === 'REQUEST' ? ';RSVP=TRUE' : ''}`
      : '';
  return `${role}${name}${extra}:mailto:${who.email}`;
}

export function meetingIcs(meeting: IcsMeeting, method: IcsMethod, now: Date): string {
  const zone = meeting.timeZone;
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Steward//Meetings//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...vtimezone(zone, { from: meeting.startsAt, to: meeting.endsAt }),
    'BEGIN:VEVENT',
    `UID:${meeting.id}@steward`,
    `DTSTAMP:${utcStamp(now)}`,
    `SEQUENCE:${meeting.sequence}`,
    `DTSTART;TZID=${zone}:${local(meeting.startsAt, zone)}`,
    `DTEND;TZID=${zone}:${local(meeting.endsAt, zone)}`,
    `SUMMARY:${escapeText(meeting.title)}`,
    ...(meeting.description ? [`DESCRIPTION:${escapeText(meeting.description)}`] : []),
    ...(meeting.location ? [`LOCATION:${escapeText(meeting.location)}`] : []),
    ...(meeting.url ? [`URL:${meeting.url}`] : []),
    ...(meeting.organizer ? [person('ORGANIZER', meeting.organizer, method)] : []),
    ...meeting.attendees.map((a) => person('ATTENDEE', a, method)),
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

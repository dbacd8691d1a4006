import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fold, meetingIcs, type IcsMeeting } from './ics.ts';
import { offsetMinutes, transitions } from './vtimezone.ts';

/** Reads an invitation as a calendar would: its time zones registered, then the event. */
function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return { calendar, vevent, event };
}

const base: IcsMeeting = {
  id: '7f9d2c1e-4b1a-4f57-9a55-2f1d3e9b8c01',
  title: 'Q4 business review; Acme, Inc.',
  startsAt: new Date('2026-10-30T14:00:00Z'),
  endsAt: new Date('2026-10-30T15:00:00Z'),
  timeZone: 'America/New_York',
  location: 'Zoom',
  description: 'Agenda:\n1. Health\n2. Renewal',
  sequence: 0,
  organizer: { name: 'Jordan Taylor', email: 'jordan@northwind.example' },
  attendees: [
    { name: 'Maria Garcia, COO', email: 'maria@acme.example' },
    { name: 'Игорь Петров', email: 'igor@acme.example' },
  ],
  url: null,
};

const now = new Date('2026-10-20T12:00:00Z');

describe('meeting invitation (iCalendar)', () => {
  it('parses as a REQUEST with the event, its people and its local times', () => {
    const text = meetingIcs(base, 'REQUEST', now);
    const { calendar, vevent, event } = read(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`${base.id}@steward`);
    expect(event.summary).toBe('Q4 business review; Acme, Inc.');
    expect(event.description).toBe('Agenda:\n1. Health\n2. Renewal');
    expect(event.sequence).toBe(0);
    expect(event.startDate.zone?.tzid).toBe('America/New_York');
    expect(event.startDate.toString()).toBe('2026-10-30T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-10-30T14:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-10-30T15:00:00.000Z');
    const attendees = vevent.getAllProperties('attendee');
    expect(attendees.map((a) => a.getParameter('cn'))).toEqual([
      'Maria Garcia, COO',
      'Игорь Петров',
    ]);
    expect(attendees.map((a) => a.getFirstValue())).toEqual([
      'mailto:maria@acme.example',
      'mailto:igor@acme.example',
    ]);
    expect(vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe('Jordan Taylor');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('keeps 10:00 in New York on either side of the change from summer time', () => {
    // Summer time ends on 1 November 2026: 10:00 is 14:00 UTC before, 15:00 UTC after.
    const before = read(meetingIcs(base, 'REQUEST', now)).event;
    const moved = {
      ...base,
      startsAt: new Date('2026-11-06T15:00:00Z'),
      endsAt: new Date('2026-11-06T16:00:00Z'),
      sequence: 1,
    };
    const after = read(meetingIcs(moved, 'REQUEST', now)).event;
    expect(before.startDate.toString()).toBe('2026-10-30T10:00:00');
    expect(after.startDate.toString()).toBe('2026-11-06T10:00:00');
    expect(after.startDate.toJSDate().toISOString()).toBe('2026-11-06T15:00:00.000Z');
    expect(after.sequence).toBe(1);
  });

  it('gets a meeting right that spans the night the clocks go back', () => {
    // 00:30 to 02:30 local on 1 November: 04:30Z to 07:30Z, three hours long.
    const night = {
      ...base,
      startsAt: new Date('2026-11-01T04:30:00Z'),
      endsAt: new Date('2026-11-01T07:30:00Z'),
    };
    const { event } = read(meetingIcs(night, 'REQUEST', now));
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-01T04:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-01T07:30:00.000Z');
  });

  it('works in a zone without summer time and one south of the equator', () => {
    for (const [timeZone, start] of [
      ['Europe/Moscow', '2026-03-30T07:00:00Z'],
      ['Australia/Sydney', '2026-04-05T01:00:00Z'],
      ['UTC', '2026-06-01T09:00:00Z'],
    ] as const) {
      const at = new Date(start);
      const meeting = {
        ...base,
        timeZone,
        startsAt: at,
        endsAt: new Date(at.getTime() + 3600_000),
      };
      const { event } = read(meetingIcs(meeting, 'REQUEST', now));
      expect(event.startDate.toJSDate().toISOString(), timeZone).toBe(at.toISOString());
    }
  });

  it('cancels with METHOD:CANCEL, the same UID and a higher SEQUENCE', () => {
    const text = meetingIcs({ ...base, sequence: 2 }, 'CANCEL', now);
    const { calendar, vevent, event } = read(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.uid).toBe(`${base.id}@steward`);
    expect(event.sequence).toBe(2);
  });

  it('finds the offset changes of a zone to the minute', () => {
    const found = transitions(
      'America/New_York',
      Date.parse('2026-01-01T00:00:00Z'),
      Date.parse('2027-01-01T00:00:00Z'),
    );
    expect(found.map((t) => [new Date(t.at).toISOString(), t.from, t.to])).toEqual([
      ['2026-03-08T07:00:00.000Z', -300, -240],
      ['2026-11-01T06:00:00.000Z', -240, -300],
    ]);
    expect(offsetMinutes('Asia/Kolkata', Date.parse('2026-06-01T00:00:00Z'))).toBe(330);
  });

  it('folds long lines without splitting a character', () => {
    const line = `SUMMARY:${'Обзор '.repeat(20)}`;
    const folded = fold(line);
    expect(folded.split('\r\n ').join('')).toBe(line);
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });
});

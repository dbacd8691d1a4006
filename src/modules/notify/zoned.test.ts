import { describe, expect, it } from 'vitest';
import { digestDue } from './digestFor.ts';
import { nextLocalTime } from './routing.ts';
import { addBusinessTime } from './sla/businessTime.ts';
import { durationSeconds } from './sla/duration.ts';
import { localParts, zonedInstant } from './zoned.ts';

describe('wall-clock time in a zone', () => {
  it('finds 08:00 local in Los Angeles, Berlin and Tokyo', () => {
    expect(zonedInstant('2026-11-02', 8 * 60, 'America/Los_Angeles').toISOString()).toBe(
      '2026-11-02T16:00:00.000Z',
    );
    expect(zonedInstant('2026-11-02', 8 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2026-11-02T07:00:00.000Z',
    );
    expect(zonedInstant('2026-11-02', 8 * 60, 'Asia/Tokyo').toISOString()).toBe(
      '2026-11-01T23:00:00.000Z',
    );
  });

  it('keeps 08:00 at 08:00 across the end of DST in New York (1 November 2026)', () => {
    expect(zonedInstant('2026-10-31', 480, 'America/New_York').toISOString()).toBe(
      '2026-10-31T12:00:00.000Z',
    );
    expect(zonedInstant('2026-11-01', 480, 'America/New_York').toISOString()).toBe(
      '2026-11-01T13:00:00.000Z',
    );
    // The repeated hour 01:30 resolves to its first occurrence (EDT).
    expect(zonedInstant('2026-11-01', 90, 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    // The skipped hour 02:30 on 8 March 2026 resolves to just after the gap.
    expect(
      localParts(zonedInstant('2026-03-08', 150, 'America/New_York'), 'America/New_York').minutes,
    ).toBe(3 * 60 + 30);
  });

  it('says when the next digest is due, DST included', () => {
    // Saturday 31 October 2026, 09:00 EDT → next 08:00 is Sunday, after the change (EST).
    expect(
      nextLocalTime(new Date('2026-10-31T13:00:00Z'), 480, 'America/New_York').toISOString(),
    ).toBe('2026-11-01T13:00:00.000Z');
    expect(digestDue(new Date('2026-11-01T12:30:00Z'), 'America/New_York', 8)).toEqual({
      localDate: '2026-11-01',
      due: false,
    });
    expect(digestDue(new Date('2026-11-01T13:00:00Z'), 'America/New_York', 8)).toEqual({
      localDate: '2026-11-01',
      due: true,
    });
  });
});

describe('business time', () => {
  const hours = { timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

  it('carries the rest of a Friday afternoon over the weekend', () => {
    // Friday 6 November 2026 16:00 Berlin + 2 business hours = Monday 10:00.
    const from = new Date('2026-11-06T15:00:00Z');
    expect(addBusinessTime(from, 2 * 3600, hours).toISOString()).toBe('2026-11-09T09:00:00.000Z');
  });

  it('skips a workspace holiday', () => {
    const from = new Date('2026-11-06T15:00:00Z');
    expect(addBusinessTime(from, 2 * 3600, hours, new Set(['2026-11-09'])).toISOString()).toBe(
      '2026-11-10T09:00:00.000Z',
    );
  });

  it('starts counting at opening time when started outside business hours', () => {
    // Saturday → Monday 09:00 + 30 min.
    expect(addBusinessTime(new Date('2026-11-07T12:00:00Z'), 1800, hours).toISOString()).toBe(
      '2026-11-09T08:30:00.000Z',
    );
  });

  it('keeps to the local clock across a DST change', () => {
    const ny = {
      timezone: 'America/New_York',
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '17:00',
    };
    // Friday 30 October 16:00 EDT + 2h → Monday 2 November 10:00 EST (15:00 UTC).
    expect(addBusinessTime(new Date('2026-10-30T20:00:00Z'), 7200, ny).toISOString()).toBe(
      '2026-11-02T15:00:00.000Z',
    );
  });
});

describe('ISO 8601 durations', () => {
  it('reads hours, minutes, seconds, days and weeks and refuses the rest', () => {
    expect(durationSeconds('PT2H')).toBe(7200);
    expect(durationSeconds('PT3S')).toBe(3);
    expect(durationSeconds('P1DT30M')).toBe(86_400 + 1800);
    expect(durationSeconds('P1W')).toBe(604_800);
    for (const bad of ['2h', 'P', 'PT', 'P1M', 'PT0S', 'P1Y', ''])
      expect(durationSeconds(bad)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { wallClock, zonedInstant } from './zonedTime.ts';

describe('meeting times in a zone', () => {
  it('reads 10:00 in New York as 14:00 UTC in summer time and 15:00 UTC after it', () => {
    expect(zonedInstant('2026-10-30', '10:00', 'America/New_York')).toBe(
      '2026-10-30T14:00:00.000Z',
    );
    expect(zonedInstant('2026-11-06', '10:00', 'America/New_York')).toBe(
      '2026-11-06T15:00:00.000Z',
    );
  });

  it('settles on the day the clocks change', () => {
    expect(zonedInstant('2026-11-01', '09:00', 'America/New_York')).toBe(
      '2026-11-01T14:00:00.000Z',
    );
    expect(zonedInstant('2026-03-08', '09:00', 'America/New_York')).toBe(
      '2026-03-08T13:00:00.000Z',
    );
  });

  it('shows an instant on the zone’s wall clock', () => {
    expect(wallClock('2026-11-06T15:00:00.000Z', 'America/New_York')).toEqual({
      date: '2026-11-06',
      time: '10:00',
    });
    expect(wallClock('2026-11-06T15:00:00.000Z', 'Europe/Moscow')).toEqual({
      date: '2026-11-06',
      time: '18:00',
    });
  });
});

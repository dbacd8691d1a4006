import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { cursorValue } from './pagination.ts';

const position = (value: string) => ({ value, id: randomUUID() });

function refusal(value: string, cast: string) {
  try {
    cursorValue(position(value), cast);
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : error;
  }
}

// A cursor's day is cast by PostgreSQL; one it would refuse must be a 400 before the query runs.
describe('a cursor that names a day', () => {
  it.each([
    '2026-02-30', // passes the pattern and JavaScript's Date, not the calendar
    '2026-04-31',
    '2025-02-29', // not a leap year
    '2100-02-29', // a century, not a leap year
    '0000-01-01', // PostgreSQL has no year 0
    '2026-13-01',
  ])('refuses %s, as a day and as the day of a time', (day) => {
    expect(refusal(day, 'date')).toBe('request.invalid_cursor');
    expect(refusal(`${day}T09:00:00Z`, 'timestamptz')).toBe('request.invalid_cursor');
  });

  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31'])(
    'takes %s, a day on the calendar',
    (day) => {
      expect(refusal(day, 'date')).toBeNull();
      expect(refusal(`${day}T23:59:59.999Z`, 'timestamptz')).toBeNull();
    },
  );

  it('refuses a time of day past the clock', () => {
    expect(refusal('2026-11-02T24:00:00Z', 'timestamptz')).toBe('request.invalid_cursor');
    expect(refusal('2026-11-02T09:60:00Z', 'timestamptz')).toBe('request.invalid_cursor');
  });
});

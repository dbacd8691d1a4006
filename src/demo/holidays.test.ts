import { describe, expect, it } from 'vitest';
import { usPublicHolidays } from './holidays.ts';

describe('the demo workspace holidays', () => {
  it('are the US federal holidays as observed: a Saturday one on the Friday, a Sunday one on the Monday', () => {
    // As the US Office of Personnel Management lists them for 2026 and 2027.
    expect(usPublicHolidays(2026)).toEqual([
      { day: '2026-01-01', name: "New Year's Day" },
      { day: '2026-01-19', name: 'Martin Luther King Jr. Day' },
      { day: '2026-05-25', name: 'Memorial Day' },
      { day: '2026-06-19', name: 'Juneteenth' },
      { day: '2026-07-03', name: 'Independence Day (observed)' },
      { day: '2026-09-07', name: 'Labor Day' },
      { day: '2026-11-26', name: 'Thanksgiving Day' },
      { day: '2026-12-25', name: 'Christmas Day' },
    ]);
    expect(usPublicHolidays(2027).map((h) => h.day)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-05-31',
      '2027-06-18',
      '2027-07-05',
      '2027-09-06',
      '2027-11-25',
      '2027-12-24',
    ]);
  });

  it('never fall on a weekend, and no two on one day, for a decade of years', () => {
    const days = Array.from({ length: 10 }, (_, i) => usPublicHolidays(2025 + i)).flat();
    expect(days.filter((h) => [0, 6].includes(new Date(h.day).getUTCDay()))).toEqual([]);
    expect(new Set(days.map((h) => h.day)).size).toBe(days.length);
  });
});

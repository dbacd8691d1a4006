// The calendar arithmetic every module shares: here, the quarter a day falls in.
import { describe, expect, it } from 'vitest';
import { quarterLabel } from './calendar.ts';

describe('quarterLabel', () => {
  it('names the quarter of each quarter’s first and last day', () => {
    expect(
      ['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-10-01', '2026-12-31'].map(
        quarterLabel,
      ),
    ).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-Q4']);
  });
});

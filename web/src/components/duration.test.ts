import { describe, expect, it } from 'vitest';
import { durationAmount, isoDuration } from './duration.ts';

describe('SLA durations', () => {
  it('reads a duration as one amount of the largest whole unit', () => {
    expect(durationAmount('PT2H')).toEqual({ amount: 2, unit: 'hour' });
    expect(durationAmount('P1DT4H')).toEqual({ amount: 28, unit: 'hour' });
    expect(durationAmount('P2D')).toEqual({ amount: 2, unit: 'day' });
    expect(durationAmount('P1W')).toEqual({ amount: 7, unit: 'day' });
    expect(durationAmount('PT90M')).toEqual({ amount: 90, unit: 'minute' });
    expect(durationAmount('PT3S')).toEqual({ amount: 1, unit: 'minute' });
    expect(durationAmount('2 hours')).toBeNull();
    expect(durationAmount('PT')).toBeNull();
  });

  it('writes an amount back as the server reads it', () => {
    expect(isoDuration(2, 'hour')).toBe('PT2H');
    expect(isoDuration(30, 'minute')).toBe('PT30M');
    expect(isoDuration(1, 'day')).toBe('P1D');
    for (const iso of ['PT2H', 'P3D', 'PT45M']) {
      const parsed = durationAmount(iso);
      expect(parsed && isoDuration(parsed.amount, parsed.unit)).toBe(iso);
    }
  });
});

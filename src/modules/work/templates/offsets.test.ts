import { describe, expect, it } from 'vitest';
import { daysBetween, dueDay } from './offsets.ts';

describe('due days from offsets', () => {
  it('counts calendar days straight through weekends', () => {
    expect(dueDay('2026-11-06', 3, 'calendar')).toBe('2026-11-09');
    expect(dueDay('2026-11-06', -2, 'calendar')).toBe('2026-11-04');
  });

  it('counts business days over weekends and the workspace holidays', () => {
    // Friday + 1 business day is Monday; + 3 skips Thanksgiving (Thu 26 Nov 2026).
    expect(dueDay('2026-11-20', 1, 'business')).toBe('2026-11-23');
    expect(dueDay('2026-11-23', 3, 'business', new Set(['2026-11-26']))).toBe('2026-11-27');
  });

  it('moves a start on a weekend to the next business day before counting', () => {
    expect(dueDay('2026-11-21', 0, 'business')).toBe('2026-11-23');
    expect(dueDay('2026-11-21', 1, 'business')).toBe('2026-11-24');
  });

  it('counts back in business days', () => {
    expect(dueDay('2026-11-23', -1, 'business')).toBe('2026-11-20');
  });

  it('measures whole days between dates', () => {
    expect(daysBetween('2026-11-02', '2026-11-12')).toBe(10);
    expect(daysBetween('2026-11-12', '2026-11-02')).toBe(-10);
  });
});

import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../lib/calendar.ts';
import { dueDay, dueDayBefore, scheduleTask } from './offsets.ts';

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

describe('due days counted back from the renewal', () => {
  const renewal = { anchor: 'renewal' as const, start: '2026-11-02', target: '2027-01-29' };

  it('puts each task its offset before the renewal date', () => {
    expect(dueDayBefore('2027-01-29', -30, 'calendar')).toBe('2026-12-30');
    // Renewal on a Sunday: the last business day before it is Friday.
    expect(dueDayBefore('2027-01-31', 0, 'business')).toBe('2027-01-29');
    expect(dueDayBefore('2027-01-29', -1, 'business')).toBe('2027-01-28');
    expect(scheduleTask({ offsetDays: -14, offsetUnit: 'calendar' }, renewal)).toEqual({
      dueDay: '2027-01-15',
      lateStart: false,
    });
  });

  it('makes the early tasks of a renewal closer than the template due on the first day, marked late', () => {
    expect(scheduleTask({ offsetDays: -120, offsetUnit: 'calendar' }, renewal)).toEqual({
      dueDay: '2026-11-02',
      lateStart: true,
    });
  });

  it('never schedules a task after the renewal, whatever the offsets and the start', () => {
    const offsets = [0, -1, -5, -30, -89, -90, -200];
    for (const start of ['2026-10-01', '2026-11-02', '2027-01-20']) {
      for (const offsetDays of offsets) {
        for (const offsetUnit of ['calendar', 'business'] as const) {
          const { dueDay: day } = scheduleTask({ offsetDays, offsetUnit }, { ...renewal, start });
          expect(day <= renewal.target, `${start} ${offsetDays} ${offsetUnit}`).toBe(true);
          expect(day >= start).toBe(true);
        }
      }
    }
  });

  it('keeps counting from the start for start-anchored templates', () => {
    expect(
      scheduleTask(
        { offsetDays: 3, offsetUnit: 'calendar' },
        { anchor: 'start', start: '2026-11-06' },
      ),
    ).toEqual({ dueDay: '2026-11-09', lateStart: false });
  });
});

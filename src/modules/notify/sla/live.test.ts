import { describe, expect, it } from 'vitest';
import { clockStart, liveFrom } from './live.ts';

const at = (iso: string) => new Date(iso);
const none = { startedAt: null, startAt: null, dueDayStart: null };

describe('when an SLA clock may run: only on live work', () => {
  it('runs at once on a task created for now: no dates, not started', () => {
    expect(liveFrom(none)).toBeNull();
    const touched = at('2026-11-02T09:00:00Z');
    expect(clockStart(touched, none)).toEqual(touched);
  });

  it('waits for the due day of a task a template laid out weeks ahead', () => {
    const created = at('2026-11-02T09:00:00Z');
    const dueDayStart = at('2026-11-20T05:00:00Z');
    expect(clockStart(created, { ...none, dueDayStart })).toEqual(dueDayStart);
  });

  it('starts on the start date when the task has one, even if it is due later', () => {
    const startAt = at('2026-11-10T08:00:00Z');
    const dueDayStart = at('2026-11-20T05:00:00Z');
    expect(liveFrom({ ...none, startAt, dueDayStart })).toEqual(startAt);
  });

  it('starts when someone starts the task, before its dates arrive', () => {
    const startedAt = at('2026-11-03T14:00:00Z');
    const live = { startedAt, startAt: null, dueDayStart: at('2026-11-20T05:00:00Z') };
    expect(liveFrom(live)).toEqual(startedAt);
    // Untouched since it was started: the clock counts from the start.
    expect(clockStart(at('2026-11-02T09:00:00Z'), live)).toEqual(startedAt);
    // Touched after it was started: from the touch.
    expect(clockStart(at('2026-11-04T10:00:00Z'), live)).toEqual(at('2026-11-04T10:00:00Z'));
  });

  it('counts from creation when the dates had already arrived at creation', () => {
    const created = at('2026-11-25T09:00:00Z');
    expect(clockStart(created, { ...none, dueDayStart: at('2026-11-20T05:00:00Z') })).toEqual(
      created,
    );
  });

  it('never starts before the metric itself does, whatever the dates', () => {
    const samples = [null, at('2026-11-01T00:00:00Z'), at('2026-12-01T00:00:00Z')];
    const metric = at('2026-11-15T12:00:00Z');
    for (const startedAt of samples)
      for (const startAt of samples)
        for (const dueDayStart of samples) {
          const start = clockStart(metric, { startedAt, startAt, dueDayStart });
          expect(start.getTime()).toBeGreaterThanOrEqual(metric.getTime());
        }
  });
});

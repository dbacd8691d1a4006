// Business time: an SLA of "4 business hours" started Friday 16:00 ends Monday 12:00, skips
// the workspace's holidays, and keeps to the local clock across DST changes.
import { clockMinutes, localParts, nextDate, zonedInstant } from '../zoned.ts';

export type BusinessHours = {
  timezone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: number[];
  start: string;
  end: string;
};

/** `seconds` of business time after `from`; `holidays` are local dates (YYYY-MM-DD). */
export function addBusinessTime(
  from: Date,
  seconds: number,
  hours: BusinessHours,
  holidays: ReadonlySet<string> = new Set(),
): Date {
  let remaining = seconds * 1000;
  let cursor = from.getTime();
  const open = clockMinutes(hours.start);
  const close = clockMinutes(hours.end);
  // Ten years of days is far beyond any SLA; the bound only stops a policy with no business days.
  for (let day = 0; day < 3660; day++) {
    const local = localParts(new Date(cursor), hours.timezone);
    if (hours.days.includes(local.weekday) && !holidays.has(local.date)) {
      const windowStart = zonedInstant(local.date, open, hours.timezone).getTime();
      const windowEnd = zonedInstant(local.date, close, hours.timezone).getTime();
      cursor = Math.max(cursor, windowStart);
      if (cursor < windowEnd) {
        if (remaining <= windowEnd - cursor) return new Date(cursor + remaining);
        remaining -= windowEnd - cursor;
      }
    }
    cursor = zonedInstant(nextDate(local.date), 0, hours.timezone).getTime();
  }
  throw new Error('These business hours have no working time.');
}

/** Elapsed time, in business time when the policy has business hours. */
export function addPolicyTime(
  from: Date,
  seconds: number,
  hours: BusinessHours | null,
  holidays: ReadonlySet<string>,
): Date {
  return hours
    ? addBusinessTime(from, seconds, hours, holidays)
    : new Date(from.getTime() + seconds * 1000);
}

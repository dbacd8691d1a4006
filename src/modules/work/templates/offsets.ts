// Due days from offsets: "kickoff + 3 days" or "renewal − 30 days", in calendar days, or in
// business days that skip weekends and the workspace's holidays.
import { addDays, startOfDay } from '../../../lib/calendar.ts';

function isBusinessDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = startOfDay(day).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/**
 * The due day `offset` days after (or before) `start`. In business days, an offset of 0 on a
 * weekend or holiday moves to the next business day, and each step lands on a business day.
 */
export function dueDay(
  start: string,
  offset: number,
  unit: 'calendar' | 'business',
  holidays: ReadonlySet<string> = new Set(),
): string {
  if (unit === 'calendar') return addDays(start, offset);
  let day = start;
  while (!isBusinessDay(day, holidays)) day = addDays(day, 1);
  const step = offset < 0 ? -1 : 1;
  for (let left = Math.abs(offset); left > 0;) {
    day = addDays(day, step);
    if (isBusinessDay(day, holidays)) left--;
  }
  return day;
}

/**
 * The due day `offset` days (0 or fewer) before a target date. In business days, a target on a
 * weekend or holiday moves to the business day before it: nothing lands after the target.
 */
export function dueDayBefore(
  target: string,
  offset: number,
  unit: 'calendar' | 'business',
  holidays: ReadonlySet<string> = new Set(),
): string {
  if (unit === 'calendar') return addDays(target, -Math.abs(offset));
  let day = target;
  while (!isBusinessDay(day, holidays)) day = addDays(day, -1);
  for (let left = Math.abs(offset); left > 0;) {
    day = addDays(day, -1);
    if (isBusinessDay(day, holidays)) left--;
  }
  return day;
}

/** What a project's due days count from: its start, or back from a target such as the renewal. */
export type Schedule =
  { anchor: 'start'; start: string } | { anchor: 'renewal'; start: string; target: string };

/**
 * A template task's due day in a project. Counting back from a target closer than the
 * template's span would put early tasks before the project starts: those are due on its
 * first day instead and marked as started late, never pushed past the target.
 */
export function scheduleTask(
  task: { offsetDays: number; offsetUnit: 'calendar' | 'business' },
  schedule: Schedule,
  holidays: ReadonlySet<string> = new Set(),
): { dueDay: string; lateStart: boolean } {
  if (schedule.anchor === 'start') {
    return {
      dueDay: dueDay(schedule.start, task.offsetDays, task.offsetUnit, holidays),
      lateStart: false,
    };
  }
  const day = dueDayBefore(schedule.target, task.offsetDays, task.offsetUnit, holidays);
  return day < schedule.start
    ? { dueDay: schedule.start, lateStart: true }
    : { dueDay: day, lateStart: false };
}

/** The calendar day (YYYY-MM-DD) it is at `now` in a time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

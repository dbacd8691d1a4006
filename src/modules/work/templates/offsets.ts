// Due days from offsets: "kickoff + 3 days" in calendar days, or in business days that skip
// weekends and the workspace's holidays.

const dayMs = 24 * 3600_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

function isBusinessDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
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

/** Whole days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

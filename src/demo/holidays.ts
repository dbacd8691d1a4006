// The demo workspace's public holidays: Northwind Cloud works from New York, so the US federal
// holidays most employers close for, this year's and next, as an admin would enter them in
// Settings. Onboarding due dates counted in business days skip them (work/templates/offsets.ts).
// The demo's one SLA policy counts elapsed hours, not business hours, so its timers do not move.
import { addDays } from '../lib/calendar.ts';
import type { UserId, WorkspaceId } from '../lib/ids.ts';
import type { Deps } from '../context.ts';
import { listHolidays, replaceHolidays, type Holiday } from '../modules/work/index.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The `n`th `weekday` of a month (1-based, as written in a date). */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = `${year}-${pad(month)}-01`;
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1));
}

/** The last `weekday` of a month (1-based; not December, which no holiday here needs). */
function lastWeekday(year: number, month: number, weekday: number): string {
  const lastDay = addDays(`${year}-${pad(month + 1)}-01`, -1);
  return addDays(lastDay, -((weekdayOf(lastDay) - weekday + 7) % 7));
}

/** A fixed-date holiday on a weekend is observed on the Friday before or the Monday after. */
function observed(name: string, day: string): Holiday {
  const weekday = weekdayOf(day);
  if (weekday === 6) return { day: addDays(day, -1), name: `${name} (observed)` };
  if (weekday === 0) return { day: addDays(day, 1), name: `${name} (observed)` };
  return { day, name };
}

/** The US federal holidays most employers close for, as observed in `year`, by day. */
export function usPublicHolidays(year: number): Holiday[] {
  const monday = 1;
  const thursday = 4;
  return [
    observed("New Year's Day", `${year}-01-01`),
    { day: nthWeekday(year, 1, monday, 3), name: 'Martin Luther King Jr. Day' },
    { day: lastWeekday(year, 5, monday), name: 'Memorial Day' },
    observed('Juneteenth', `${year}-06-19`),
    observed('Independence Day', `${year}-07-04`),
    { day: nthWeekday(year, 9, monday, 1), name: 'Labor Day' },
    { day: nthWeekday(year, 11, thursday, 4), name: 'Thanksgiving Day' },
    observed('Christmas Day', `${year}-12-25`),
  ];
}

/** This year's and next year's holidays, saved by the admin through the Holidays service. */
export async function seedDemoHolidays(
  deps: Deps,
  workspace: { id: WorkspaceId; adminId: UserId },
): Promise<void> {
  const year = deps.clock.now().getUTCFullYear();
  const { version } = await listHolidays(deps.db, workspace.id);
  await replaceHolidays(
    deps.db,
    { workspaceId: workspace.id, userId: workspace.adminId },
    { items: [...usPublicHolidays(year), ...usPublicHolidays(year + 1)], version },
  );
}

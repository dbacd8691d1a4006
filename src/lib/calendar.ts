// Days and instants, in UTC. A day is `YYYY-MM-DD`, as `date` columns keep it (never shifted
// by a time zone); a person's own day is worked out at the edges (notify/zoned.ts).
// One place for this arithmetic, so no module writes its own `24 * 3600_000` again.

export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

/** The UTC day an instant falls on: `2026-11-02T23:30:00Z` → `2026-11-02`. */
export function isoDay(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The calendar quarter a day falls in, as reports and the roadmap name it: `2026-11-30` → `2026-Q4`. */
export function quarterLabel(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The instant a UTC day starts. */
export function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** `YYYY-MM-DD` plus `days` (may be negative): `2026-02-27` + 2 → `2026-03-01`. */
export function addDays(day: string, days: number): string {
  return isoDay(startOfDay(day).getTime() + days * dayMs);
}

/** Whole days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / dayMs);
}

/** The instant `days` days of 24 hours after `at` (before it, when negative). */
export function daysAfter(at: Date, days: number): Date {
  return new Date(at.getTime() + days * dayMs);
}

/** Days of 24 hours from one instant to another, with fractions. */
export function daysSince(from: Date | string, to: Date | string): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / dayMs;
}

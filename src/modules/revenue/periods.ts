// Reporting periods: a month (`2026-10`), a quarter (`2026-Q3`) or a range of days, and the
// periods before it for a trend. Days are UTC calendar days, as billing and the rollups are;
// a period runs from the start of its first day to the start of the day after its last.
import { fieldProblem, invalid } from '../../lib/errors.ts';
import { dayMs, isoDay, quarterLabel } from '../../lib/calendar.ts';

export type Period = {
  /** `2026-10`, `2026-Q3`, or `2026-07-15..2026-08-14` for a range. */
  label: string;
  kind: 'month' | 'quarter' | 'range';
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
};

const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);

function monthPeriod(year: number, month: number): Period {
  const from = isoDay(Date.UTC(year, month - 1, 1));
  const to = isoDay(Date.UTC(year, month, 0));
  return { label: from.slice(0, 7), kind: 'month', from, to };
}

function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3;
  return {
    label: `${year}-Q${quarter}`,
    kind: 'quarter',
    from: isoDay(Date.UTC(year, first, 1)),
    to: isoDay(Date.UTC(year, first + 3, 0)),
  };
}

export const periodPattern = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

/** `2026-10` or `2026-Q3`; anything else is a 422 naming `period`. */
export function parsePeriod(text: string): Period {
  const match = periodPattern.exec(text);
  if (!match) {
    throw invalid([fieldProblem('period', 'revenue.field.period')]);
  }
  const year = Number(match[1]);
  return match[2] ? monthPeriod(year, Number(match[2])) : quarterPeriod(year, Number(match[3]));
}

/** A range of whole days; one that ends before it starts is a 422 naming `to`. */
export function rangePeriod(from: string, to: string): Period {
  if (to < from) throw invalid([fieldProblem('to', 'revenue.field.endsBeforeStart')]);
  return { label: `${from}..${to}`, kind: 'range', from, to };
}

export function quarterOf(d: string): Period {
  return parsePeriod(quarterLabel(d));
}

export function monthOf(d: string): Period {
  const [year = 0, month = 1] = d.split('-').map(Number);
  return monthPeriod(year, month);
}

/** The period just before: the previous month or quarter, or a range as long, ending the day before. */
export function previousPeriod(period: Period): Period {
  const before = isoDay(utc(period.from) - dayMs);
  if (period.kind === 'month') return monthOf(before);
  if (period.kind === 'quarter') return quarterOf(before);
  const length = daysIn(period);
  return rangePeriod(isoDay(utc(before) - (length - 1) * dayMs), before);
}

/** `count` periods ending with `period`, oldest first. */
export function periodsEndingWith(period: Period, count: number): Period[] {
  const list = [period];
  while (list.length < count) list.unshift(previousPeriod(list[0] ?? period));
  return list;
}

export function daysIn(period: Period): number {
  return Math.round((utc(period.to) - utc(period.from)) / dayMs) + 1;
}

/** The instant the period starts (its first day at 00:00 UTC). */
export function startOf(period: Period): Date {
  return new Date(utc(period.from));
}

/** The instant just after the period (the day after its last, at 00:00 UTC). */
export function endOf(period: Period): Date {
  return new Date(utc(period.to) + dayMs);
}

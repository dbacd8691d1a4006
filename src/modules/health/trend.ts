// Scores over time: month-over-month change, the "declining" flag, and what changed since a week
// ago, measure by measure. Pure functions of history rows.
import type { MeasureKey } from '../../db/schema.ts';
import { measureKeys } from './scorecard.ts';

export type PastScore = { score: number | null } & Partial<Record<MeasureKey, number | null>>;

export type Trend = {
  /** Points gained (+) or lost (−) since 30 days ago; null without a score then. */
  monthOverMonth: number | null;
  weekOverWeek: number | null;
  /** Lost 10+ points in 30 days, or 8+ in a week: worth a look before it becomes a category. */
  declining: boolean;
};

export const decliningRule = { monthDrop: 10, weekDrop: 8 };

export function trendOf(
  score: number | null,
  weekAgo: number | null | undefined,
  monthAgo: number | null | undefined,
): Trend {
  const change = (past: number | null | undefined) =>
    score === null || past === null || past === undefined ? null : score - past;
  const monthOverMonth = change(monthAgo);
  const weekOverWeek = change(weekAgo);
  return {
    monthOverMonth,
    weekOverWeek,
    declining:
      (monthOverMonth !== null && -monthOverMonth >= decliningRule.monthDrop) ||
      (weekOverWeek !== null && -weekOverWeek >= decliningRule.weekDrop),
  };
}

export type MeasureChange = {
  key: MeasureKey;
  now: number | null;
  weekAgo: number | null;
  /** Points since a week ago; null when either side has no data. */
  change: number | null;
};

/** Each measure now against a week ago; the biggest moves first. */
export function whatChanged(
  now: Partial<Record<MeasureKey, number | null>>,
  weekAgo: PastScore | undefined,
): MeasureChange[] {
  return measureKeys
    .map((key) => {
      const current = now[key] ?? null;
      const before = weekAgo?.[key] ?? null;
      return {
        key,
        now: current,
        weekAgo: before,
        change: current === null || before === null ? null : current - before,
      };
    })
    .sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0));
}

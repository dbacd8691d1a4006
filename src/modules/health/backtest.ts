// Scorecard backtesting: does the score predict the churn that happened? For accounts that churned
// in a period and those retained through it, the score N days before the outcome (the churn, or
// the period's end) → ROC AUC, churn rate and lift per category. Trial weights rescore the stored
// history measure by measure, so a scorecard can be tried before it is saved.
import type { Db } from '../../db/connect.ts';
import type { HealthCategory } from '../../db/schema.ts';
import { addDays } from '../../lib/calendar.ts';
import { healthCategorySchema } from '../../lib/vocabulary.ts';
import { combineMeasures, measureKeys, type Scorecard } from './scorecard.ts';
import * as store from './store/backtest.ts';

export type Outcome = { score: number; category: HealthCategory; churned: boolean };

/**
 * ROC AUC of risk (100 − score) for churn: the chance that a churned account scored lower than
 * a retained one, ties counting half (Mann–Whitney). null without both kinds of outcome.
 */
export function rocAuc(outcomes: readonly Pick<Outcome, 'score' | 'churned'>[]): number | null {
  const churned = outcomes.filter((o) => o.churned).map((o) => o.score);
  const retained = outcomes.filter((o) => !o.churned).map((o) => o.score);
  if (churned.length === 0 || retained.length === 0) return null;
  // Rank-based: O(n log n). Average ranks for ties.
  const all = outcomes.map((o) => ({ risk: 100 - o.score, churned: o.churned }));
  all.sort((a, b) => a.risk - b.risk);
  let rankSum = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j]?.risk === all[i]?.risk) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]?.churned) rankSum += averageRank;
    i = j;
  }
  const n1 = churned.length;
  const n0 = retained.length;
  return Math.round(((rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0)) * 1000) / 1000;
}

/** The ROC curve: flagging every account scoring below each threshold. */
export function rocCurve(outcomes: readonly Pick<Outcome, 'score' | 'churned'>[]) {
  const positives = outcomes.filter((o) => o.churned).length;
  const negatives = outcomes.length - positives;
  const points: { threshold: number; falsePositiveRate: number; truePositiveRate: number }[] = [];
  for (let threshold = 0; threshold <= 101; threshold += threshold === 100 ? 1 : 5) {
    const flagged = outcomes.filter((o) => o.score < threshold);
    const tp = flagged.filter((o) => o.churned).length;
    const fp = flagged.length - tp;
    points.push({
      threshold,
      falsePositiveRate: negatives ? Math.round((fp / negatives) * 1000) / 1000 : 0,
      truePositiveRate: positives ? Math.round((tp / positives) * 1000) / 1000 : 0,
    });
  }
  return points;
}

const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

/** Churn rate per category and its lift over the overall rate. */
export function liftByCategory(outcomes: readonly Outcome[]) {
  const overall = rate(outcomes.filter((o) => o.churned).length, outcomes.length);
  return healthCategorySchema.options.map((category) => {
    const inCategory = outcomes.filter((o) => o.category === category);
    const churned = inCategory.filter((o) => o.churned).length;
    const churnRate = rate(churned, inCategory.length);
    return {
      category,
      accounts: inCategory.length,
      churned,
      churnRate,
      lift: churnRate === null || !overall ? null : Math.round((churnRate / overall) * 100) / 100,
    };
  });
}

export async function backtest(
  db: Db,
  workspaceId: string,
  request: { from: string; to: string; horizonDays: number; scorecard: Scorecard },
) {
  const rows = await store.scoresBeforeOutcome(db, workspaceId, request, request.horizonDays);
  const outcomes: Outcome[] = rows.flatMap((row) => {
    const { score, category } = combineMeasures(
      measureKeys.map((key) => ({ key, score: row[key] })),
      request.scorecard,
    );
    return score === null || category === null ? [] : [{ score, category, churned: row.churned }];
  });
  const churned = outcomes.filter((o) => o.churned).length;
  return {
    from: request.from,
    to: request.to,
    horizonDays: request.horizonDays,
    accounts: outcomes.length,
    churned,
    retained: outcomes.length - churned,
    auc: rocAuc(outcomes),
    churnRate: rate(churned, outcomes.length),
    byCategory: liftByCategory(outcomes),
    roc: rocCurve(outcomes),
    weights: request.scorecard.weights,
    thresholds: request.scorecard.thresholds,
  };
}

/** The default period: the year up to today. */
export function defaultPeriod(today: string) {
  return { from: addDays(today, -365), to: today };
}

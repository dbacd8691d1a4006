// The scorecard: weights per measure and the category thresholds, and how measures combine into
// one score. Pure. Default weights from seed 004 (usage 30, support 20, engagement 20, billing
// 15, outcomes 15; Healthy / At Risk / Critical).
import type { HealthCategory, MeasureKey } from '../../db/schema.ts';
import { fieldProblem, type FieldError } from '../../lib/errors.ts';
import type { MeasureResult } from './measures.ts';

export const measureKeys = ['usage', 'support', 'engagement', 'billing', 'outcomes'] as const;

export type Weights = Record<MeasureKey, number>;

export type Thresholds = {
  /** A score at or above this is Healthy. */
  healthyMin: number;
  /** At or above this (and below healthyMin) is At Risk; below it, Critical. */
  atRiskMin: number;
};

export type Scorecard = { weights: Weights; thresholds: Thresholds };

export const defaultScorecard: Scorecard = {
  weights: { usage: 30, support: 20, engagement: 20, billing: 15, outcomes: 15 },
  thresholds: { healthyMin: 70, atRiskMin: 40 },
};

/** What makes a scorecard usable: weights summing to 100, thresholds in order. */
export function scorecardProblems(card: Scorecard): FieldError[] {
  const errors: FieldError[] = [];
  const sum = measureKeys.reduce((s, k) => s + card.weights[k], 0);
  if (sum !== 100) {
    errors.push(fieldProblem('weights', 'health.field.weightsSum', { sum: String(sum) }));
  }
  if (card.thresholds.atRiskMin >= card.thresholds.healthyMin) {
    errors.push(
      fieldProblem('thresholds.atRiskMin', 'health.field.belowHealthy', {
        healthyMin: String(card.thresholds.healthyMin),
      }),
    );
  }
  return errors;
}

export function categorize(score: number, thresholds: Thresholds): HealthCategory {
  if (score >= thresholds.healthyMin) return 'healthy';
  if (score >= thresholds.atRiskMin) return 'at_risk';
  return 'critical';
}

export type WeightedMeasure = MeasureResult & {
  weight: number;
  /** The share of the overall score after missing measures are left out (0–100, one decimal). */
  effectiveWeight: number | null;
};

export type Combined = {
  score: number | null;
  category: HealthCategory | null;
  measures: WeightedMeasure[];
};

/**
 * The overall score: the weighted mean of the measures that have data. A missing measure's
 * weight is shared out among the others in proportion, so it neither drags the score down nor
 * props it up. No measure with data → no score.
 */
export function combineMeasures(
  measures: readonly { key: MeasureKey; score: number | null }[],
  card: Scorecard,
): { score: number | null; category: HealthCategory | null; effectiveWeights: Weights | null } {
  const present = measures.filter((m) => m.score !== null && card.weights[m.key] > 0);
  const total = present.reduce((s, m) => s + card.weights[m.key], 0);
  if (total === 0) return { score: null, category: null, effectiveWeights: null };
  const score = Math.round(
    present.reduce((s, m) => s + card.weights[m.key] * (m.score ?? 0), 0) / total,
  );
  const effectiveWeights = Object.fromEntries(
    measureKeys.map((k) => {
      const m = present.find((p) => p.key === k);
      return [k, m ? Math.round((card.weights[k] / total) * 1000) / 10 : 0];
    }),
  ) as Weights;
  return { score, category: categorize(score, card.thresholds), effectiveWeights };
}

/**
 * Measures with the scorecard's weights. An account none of whose sources sent anything about
 * it (only "no tickets" from a connected help desk, say) is not scored: a 100 from silence
 * would be the silent full marks the scorecard must not give.
 */
export function scoreWithScorecard(measures: readonly MeasureResult[], card: Scorecard): Combined {
  const heardOf = measures.some((m) => m.score !== null && m.heard);
  const { score, category, effectiveWeights } = heardOf
    ? combineMeasures(measures, card)
    : { score: null, category: null, effectiveWeights: null };
  return {
    score,
    category,
    measures: measures.map((m) => ({
      ...m,
      weight: card.weights[m.key],
      effectiveWeight: m.score === null || !effectiveWeights ? null : effectiveWeights[m.key],
    })),
  };
}

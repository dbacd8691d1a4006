// Churn risk per account (the seed's ChurnRiskAssessment): a level, a 0–100 score, the primary
// risk factors with their reasons, recommended actions, days to renewal and an intervention
// priority weighing risk, ARR and time to renewal. Pure.
import type { ChurnRiskLevel, MeasureKey } from '../../db/schema.ts';
import { daysBetween } from '../intake/adoption/index.ts';
import type { Trend } from './trend.ts';

export type RiskFactor = {
  /** The measure it comes from, or `trend` / `renewal`. */
  source: MeasureKey | 'trend' | 'renewal';
  description: string;
  /** How much it weighs on the risk: the points the measure is below full health. */
  impact: 'high' | 'medium' | 'low';
};

export type RecommendedAction = { action: string; source: RiskFactor['source']; dueInDays: number };

export type ChurnRiskAssessment = {
  level: ChurnRiskLevel;
  score: number;
  factors: RiskFactor[];
  recommendedActions: RecommendedAction[];
  daysToRenewal: number | null;
  interventionPriority: number;
};

export type RiskInputs = {
  score: number;
  measures: readonly { key: MeasureKey; score: number | null; reason: string }[];
  trend: Trend;
  renewalDate: string | null;
  /** ARR in minor units. */
  arr: number;
  today: string;
};

const actions: Record<MeasureKey, string> = {
  usage: 'Run an adoption session with the team leads and agree usage goals',
  support: 'Review the open tickets with support and agree fix dates with the customer',
  engagement: 'Book a check-in with the champion (or find a new one)',
  billing: 'Sort out the failed payments or downgrade with finance and the customer',
  outcomes: 'Unblock the overdue onboarding tasks and confirm the success milestones',
};

export function riskLevel(score: number): ChurnRiskLevel {
  if (score >= 70) return 'critical';
  if (score >= 50) return 'high';
  if (score >= 30) return 'medium';
  return 'low';
}

/** ARR weight: $1M or more counts fully, on a log scale so small accounts still register. */
export function arrWeight(arrMinor: number): number {
  const dollars = Math.max(0, arrMinor / 100);
  return Math.min(100, (100 * Math.log10(1 + dollars)) / 6);
}

/** Urgency of the renewal: due or past → 100, 180+ days away (or unknown) → 0. */
export function renewalUrgency(daysToRenewal: number | null): number {
  if (daysToRenewal === null) return 0;
  return Math.max(0, Math.min(100, 100 - (daysToRenewal * 100) / 180));
}

export function assessChurnRisk(input: RiskInputs): ChurnRiskAssessment {
  const daysToRenewal =
    input.renewalDate === null ? null : daysBetween(input.today, input.renewalDate);
  // Risk is the health that is missing, sharpened by a falling score.
  const trendPenalty = input.trend.declining ? 10 : 0;
  const score = Math.max(0, Math.min(100, 100 - input.score + trendPenalty));

  const weak = input.measures
    .filter((m): m is typeof m & { score: number } => m.score !== null && m.score < 60)
    .sort((a, b) => a.score - b.score);
  const factors: RiskFactor[] = weak.map((m) => ({
    source: m.key,
    description: m.reason,
    impact: m.score < 30 ? 'high' : m.score < 45 ? 'medium' : 'low',
  }));
  if (input.trend.declining && input.trend.monthOverMonth !== null) {
    factors.push({
      source: 'trend',
      description: `Health fell ${Math.abs(input.trend.monthOverMonth)} points in 30 days`,
      impact: input.trend.monthOverMonth <= -20 ? 'high' : 'medium',
    });
  }
  const renewalSoon = daysToRenewal !== null && daysToRenewal >= 0 && daysToRenewal <= 90;
  if (renewalSoon && score >= 30) {
    factors.push({
      source: 'renewal',
      description: `Renewal in ${daysToRenewal} days`,
      impact: daysToRenewal <= 30 ? 'high' : 'medium',
    });
  }
  const level = riskLevel(score);
  const urgentDays = level === 'critical' ? 1 : level === 'high' ? 3 : 7;
  const recommendedActions: RecommendedAction[] = weak.slice(0, 3).map((m) => ({
    action: actions[m.key],
    source: m.key,
    dueInDays: urgentDays,
  }));
  if (renewalSoon && score >= 30) {
    recommendedActions.push({
      action: 'Start the renewal conversation with the executive sponsor now',
      source: 'renewal',
      dueInDays: Math.min(urgentDays, 7),
    });
  }
  if (level === 'critical') {
    recommendedActions.push({
      action: 'Escalate to the CS manager and plan an executive call',
      source: 'trend',
      dueInDays: 1,
    });
  }
  return {
    level,
    score,
    factors,
    recommendedActions,
    daysToRenewal,
    interventionPriority: Math.round(
      0.6 * score + 0.2 * arrWeight(input.arr) + 0.2 * renewalUrgency(daysToRenewal),
    ),
  };
}

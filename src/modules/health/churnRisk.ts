// Churn risk per account (the seed's ChurnRiskAssessment): a level, a 0–100 score, the primary
// risk factors with their reasons, recommended actions, days to renewal and an intervention
// priority weighing risk, ARR and time to renewal. Pure.
import type { ChurnRiskLevel, MeasureKey } from '../../db/schema.ts';
import { message, type Message, type MessageKey } from '../../i18n/index.ts';
import { daysBetween } from '../../lib/calendar.ts';
import { minorUnitsPer, type Money } from '../../lib/money.ts';
import type { Trend } from './trend.ts';

/** Where a factor comes from: a measure, the score's fall, or the coming renewal. */
export type FactorSource = MeasureKey | 'trend' | 'renewal';

export type RiskFactor = {
  /** One factor per source in an assessment, so the source also names the factor. */
  source: FactorSource;
  /** The measure's own reason, or what fell or is coming. */
  description: Message;
  /** How much it weighs on the risk: the points the measure is below full health. */
  impact: 'high' | 'medium' | 'low';
};

export type RecommendedAction = {
  /** The factor of this same assessment that the action answers (its source). */
  factor: FactorSource;
  action: Message;
  dueInDays: number;
};

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
  measures: readonly { key: MeasureKey; score: number | null; reason: Message }[];
  trend: Trend;
  renewalDate: string | null;
  arr: Money;
  today: string;
};

/**
 * What to do about a weak measure follows from why it is weak (its reason), so the advice
 * matches the facts: only overdue onboarding tasks get "unblock the onboarding tasks", only
 * open urgent tickets get "review the open urgent tickets".
 */
const actionForReason: Partial<Record<MessageKey, MessageKey>> = {
  'health.support.urgentOpen': 'health.action.reviewUrgentTickets',
  'health.support.lowCsat': 'health.action.reviewPoorlyRated',
  'health.engagement.noChampion': 'health.action.findChampion',
  'health.engagement.noMeeting': 'health.action.bookMeeting',
  'health.billing.unpaid': 'health.action.settleUnpaid',
  'health.billing.downgraded': 'health.action.askAboutDowngrade',
  'health.billing.cancelled': 'health.action.talkAboutCancellation',
  'health.billing.recovered': 'health.action.checkPaymentMethod',
  'health.outcomes.overdue': 'health.action.unblockOnboarding',
  'health.outcomes.firstValueNotReached': 'health.action.reachFirstValue',
  'health.outcomes.valueFeaturesUnused': 'health.action.showValueFeatures',
  'health.outcomes.npsNegative': 'health.action.followUpDetractors',
};

/** For any other reason a measure is weak: the measure's general remedy. */
const actionForMeasure: Record<MeasureKey, MessageKey> = {
  usage: 'health.action.adoptionSession',
  support: 'health.action.reviewTickets',
  engagement: 'health.action.checkIn',
  billing: 'health.action.checkPaymentMethod',
  outcomes: 'health.action.confirmMilestones',
};

export function actionFor(measure: MeasureKey, reason: Message): MessageKey {
  return actionForReason[reason.key] ?? actionForMeasure[measure];
}

export function riskLevel(score: number): ChurnRiskLevel {
  if (score >= 70) return 'critical';
  if (score >= 50) return 'high';
  if (score >= 30) return 'medium';
  return 'low';
}

/**
 * ARR weight: a million or more in the account's major unit counts fully, on a log scale so
 * small accounts still register. Steward keeps no exchange rates: a yen is one unit, not a
 * hundredth of one.
 */
export function arrWeight(arr: Money): number {
  const major = Math.max(0, arr.amount / minorUnitsPer(arr.currency));
  return Math.min(100, (100 * Math.log10(1 + major)) / 6);
}

/** Urgency of the renewal: due or past → 100, 180+ days away (or unknown) → 0. */
export function renewalUrgency(daysToRenewal: number | null): number {
  if (daysToRenewal === null) return 0;
  return Math.max(0, Math.min(100, 100 - (daysToRenewal * 100) / 180));
}

/** A declining score as a factor: the month's fall, or the week's when the month shows none. */
function trendFactor({ declining, monthOverMonth, weekOverWeek }: Trend): RiskFactor | null {
  if (!declining) return null;
  if (monthOverMonth !== null && monthOverMonth < 0) {
    return {
      source: 'trend',
      description: message('health.factor.fell', { count: -monthOverMonth }),
      impact: monthOverMonth <= -20 ? 'high' : 'medium',
    };
  }
  if (weekOverWeek !== null && weekOverWeek < 0) {
    return {
      source: 'trend',
      description: message('health.factor.fellThisWeek', { count: -weekOverWeek }),
      impact: weekOverWeek <= -15 ? 'high' : 'medium',
    };
  }
  return null;
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
  const fall = trendFactor(input.trend);
  if (fall) factors.push(fall);
  const renewalSoon = daysToRenewal !== null && daysToRenewal >= 0 && daysToRenewal <= 90;
  if (renewalSoon && score >= 30) {
    factors.push({
      source: 'renewal',
      description:
        daysToRenewal === 0
          ? message('health.factor.renewalToday')
          : message('health.factor.renewalIn', { count: daysToRenewal }),
      impact: daysToRenewal <= 30 ? 'high' : 'medium',
    });
  }
  const level = riskLevel(score);
  const urgentDays = level === 'critical' ? 1 : level === 'high' ? 3 : 7;
  const recommendedActions: RecommendedAction[] = weak.slice(0, 3).map((m) => ({
    factor: m.key,
    action: message(actionFor(m.key, m.reason)),
    dueInDays: urgentDays,
  }));
  if (factors.some((f) => f.source === 'renewal')) {
    recommendedActions.push({
      factor: 'renewal',
      action: message('health.action.startRenewal'),
      dueInDays: Math.min(urgentDays, 7),
    });
  }
  // Critical risk goes up the chain, answering the gravest factor (the weakest measure first).
  const gravest = factors[0];
  if (level === 'critical' && gravest) {
    recommendedActions.push({
      factor: gravest.source,
      action: message('health.action.escalate'),
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

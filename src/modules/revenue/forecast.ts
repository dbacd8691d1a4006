// A renewal's forecast: commit, likely, at risk or lost, with a probability and the reasons
// behind it. Pure: the inputs are what Steward already knows about the account (churn risk,
// health, usage trend, escalations, the renewal project's progress), each reason a message
// key with its figures so the reader sees it in their own language.
import type { ChurnRiskLevel, ForecastCategory, HealthCategory, Stage } from '../../db/schema.ts';
import { message, type Message } from '../../i18n/index.ts';
import { daysBetween } from '../../lib/calendar.ts';

export type RenewalProjectProgress = { done: number; total: number; overdue: number };

export type ForecastInputs = {
  today: string;
  renewalDate: string;
  stage: Stage;
  healthScore: number | null;
  healthCategory: HealthCategory | null;
  churnRiskLevel: ChurnRiskLevel | null;
  /** The usage measure's change in points over 30 days; null without both readings. */
  usageChange: number | null;
  openEscalations: number;
  renewalProject: RenewalProjectProgress | null;
  /** The account had contracts and every one of them has ended (cancelled). */
  contractsEnded: boolean;
};

export type Forecast = { category: ForecastCategory; probability: number; reasons: Message[] };

/** Where each level of churn risk starts the probability of renewing. */
export const riskBase: Record<ChurnRiskLevel, number> = {
  low: 0.9,
  medium: 0.75,
  high: 0.5,
  critical: 0.25,
};
/** An account health has not scored yet: neither good nor bad news. */
export const unscoredBase = 0.7;

/** The probability that puts a renewal in each category (at least). */
export const categoryFloor = { commit: 0.85, likely: 0.6 } as const;

/** The probability a person's call stands for when they give none. */
export const categoryProbability: Record<ForecastCategory, number> = {
  commit: 0.9,
  likely: 0.7,
  at_risk: 0.35,
  lost: 0,
};

export const forecastRule = {
  strongHealth: 80,
  healthBonus: 0.05,
  criticalHealthPenalty: 0.1,
  usageSwing: 10,
  usageFallPenalty: 0.1,
  usageGrowthBonus: 0.03,
  escalationPenalty: 0.05,
  maxEscalationPenalty: 0.15,
  /** Within this many days a renewal with no renewal project is behind. */
  projectDueWithinDays: 60,
  projectPenalty: 0.05,
  floor: 0.05,
  ceiling: 0.97,
};

const riskKeys = {
  low: 'revenue.forecast.riskLow',
  medium: 'revenue.forecast.riskMedium',
  high: 'revenue.forecast.riskHigh',
  critical: 'revenue.forecast.riskCritical',
} as const;

export function categoryFor(probability: number): Exclude<ForecastCategory, 'lost'> {
  if (probability >= categoryFloor.commit) return 'commit';
  if (probability >= categoryFloor.likely) return 'likely';
  return 'at_risk';
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The forecast's inputs with the days to the renewal already counted. */
export type ForecastFacts = Omit<ForecastInputs, 'today' | 'renewalDate'> & {
  daysToRenewal: number;
};

export function forecastRenewal(input: ForecastInputs): Forecast {
  return forecastWithReasons({
    ...input,
    daysToRenewal: daysBetween(input.today, input.renewalDate),
  });
}

export function forecastWithReasons(facts: ForecastFacts): Forecast {
  const reasons: Message[] = [];
  const { category, probability } = weigh(facts, (reason) => reasons.push(reason));
  return { category, probability, reasons };
}

/**
 * The category and probability alone: what the pipeline's totals need of each of thousands of
 * renewals, without writing reasons nobody will read.
 */
export function forecastOutcome(facts: ForecastFacts): Omit<Forecast, 'reasons'> {
  return weigh(facts);
}

/**
 * The forecast's arithmetic. Each reason is handed to `say` as it is weighed; without `say`
 * none is built (`say?.(…)` does not evaluate its argument).
 */
function weigh(input: ForecastFacts, say?: (reason: Message) => void): Omit<Forecast, 'reasons'> {
  if (input.stage === 'churned') {
    say?.(message('revenue.forecast.churned'));
    return { category: 'lost', probability: 0 };
  }
  if (input.contractsEnded) {
    say?.(message('revenue.forecast.contractsEnded'));
    return { category: 'lost', probability: 0 };
  }
  const rule = forecastRule;
  let p: number;
  if (input.churnRiskLevel === null) {
    p = unscoredBase;
    say?.(message('revenue.forecast.notScored'));
  } else {
    p = riskBase[input.churnRiskLevel];
    say?.(message(riskKeys[input.churnRiskLevel]));
  }
  if (input.healthScore !== null) {
    if (input.healthCategory === 'healthy' && input.healthScore >= rule.strongHealth) {
      p += rule.healthBonus;
      say?.(message('revenue.forecast.healthStrong', { score: input.healthScore }));
    } else if (input.healthCategory === 'critical') {
      p -= rule.criticalHealthPenalty;
      say?.(message('revenue.forecast.healthCritical', { score: input.healthScore }));
    }
  }
  if (input.usageChange !== null && input.usageChange <= -rule.usageSwing) {
    p -= rule.usageFallPenalty;
    say?.(message('revenue.forecast.usageFalling', { points: -input.usageChange }));
  } else if (input.usageChange !== null && input.usageChange >= rule.usageSwing) {
    p += rule.usageGrowthBonus;
    say?.(message('revenue.forecast.usageGrowing', { points: input.usageChange }));
  }
  if (input.openEscalations > 0) {
    p -= Math.min(rule.maxEscalationPenalty, rule.escalationPenalty * input.openEscalations);
    say?.(message('revenue.forecast.openEscalations', { count: input.openEscalations }));
  }
  const days = input.daysToRenewal;
  const project = input.renewalProject;
  if (project === null) {
    if (days <= rule.projectDueWithinDays) {
      p -= rule.projectPenalty;
      say?.(message('revenue.forecast.noRenewalProject', { count: days }));
    }
  } else if (project.overdue > 0) {
    p -= rule.projectPenalty;
    say?.(message('revenue.forecast.renewalTasksOverdue', { count: project.overdue }));
  } else {
    say?.(
      message('revenue.forecast.renewalProjectOnTrack', {
        done: project.done,
        count: project.total,
      }),
    );
  }
  const probability = round2(Math.min(rule.ceiling, Math.max(rule.floor, p)));
  return { category: categoryFor(probability), probability };
}

// The CS metrics and their targets. Defaults are the persona guide's (seeds/003, "Success
// metrics"): NRR > 110%, gross retention > 95%, expansion 20% of existing ARR, average health
// > 80, NPS > 50, QBR completion 100% of enterprise clients per quarter, time to value < 90
// days, feature adoption > 70%. An admin may set any target, or clear it back to its default.
//
// Retention, expansion and churn targets are yearly, as they are quoted. A month or a quarter
// is held to the same pace: NRR 110% a year is 100.8% a month (compounded), expansion 20% a
// year is 5% a quarter.
import type { Db } from '../../db/connect.ts';
import { fieldProblem, invalid } from '../../lib/errors.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import * as store from './store/settings.ts';

export const metricKeys = [
  'mrr',
  'arr',
  'nrr',
  'grr',
  'newMrr',
  'expansionMrr',
  'contractionMrr',
  'churnedMrr',
  'reactivationMrr',
  'expansionRate',
  'logoChurn',
  'revenueChurn',
  'renewalRate',
  'expansionWon',
  'expansionWinRate',
  'timeToValue',
  'featureAdoption',
  'averageHealth',
  'nps',
  'qbrCompletion',
] as const;

export type MetricKey = (typeof metricKeys)[number];

export type MetricUnit = 'money' | 'ratio' | 'days' | 'score' | 'nps';

/**
 * How a metric is read against its target. `min`: at least the target is good; `max`: at most.
 * `pace`: how a yearly target is brought to a shorter period — compounded for retention and
 * churn, in proportion for expansion; none for the rest (a level, not a flow).
 */
export type MetricDefinition = {
  unit: MetricUnit;
  direction: 'min' | 'max';
  pace: 'compound' | 'churn' | 'linear' | null;
  defaultTarget: number | null;
};

export const metricDefinitions: Record<MetricKey, MetricDefinition> = {
  mrr: { unit: 'money', direction: 'min', pace: null, defaultTarget: null },
  arr: { unit: 'money', direction: 'min', pace: null, defaultTarget: null },
  nrr: { unit: 'ratio', direction: 'min', pace: 'compound', defaultTarget: 1.1 },
  grr: { unit: 'ratio', direction: 'min', pace: 'compound', defaultTarget: 0.95 },
  newMrr: { unit: 'money', direction: 'min', pace: null, defaultTarget: null },
  expansionMrr: { unit: 'money', direction: 'min', pace: null, defaultTarget: null },
  contractionMrr: { unit: 'money', direction: 'max', pace: null, defaultTarget: null },
  churnedMrr: { unit: 'money', direction: 'max', pace: null, defaultTarget: null },
  reactivationMrr: { unit: 'money', direction: 'min', pace: null, defaultTarget: null },
  expansionRate: { unit: 'ratio', direction: 'min', pace: 'linear', defaultTarget: 0.2 },
  logoChurn: { unit: 'ratio', direction: 'max', pace: 'churn', defaultTarget: null },
  revenueChurn: { unit: 'ratio', direction: 'max', pace: 'churn', defaultTarget: null },
  // Not in the seed: the share of ARR due that renews, held to the gross retention target.
  renewalRate: { unit: 'ratio', direction: 'min', pace: null, defaultTarget: 0.95 },
  expansionWon: { unit: 'money', direction: 'min', pace: null, defaultTarget: null },
  expansionWinRate: { unit: 'ratio', direction: 'min', pace: null, defaultTarget: null },
  timeToValue: { unit: 'days', direction: 'max', pace: null, defaultTarget: 90 },
  featureAdoption: { unit: 'ratio', direction: 'min', pace: null, defaultTarget: 0.7 },
  averageHealth: { unit: 'score', direction: 'min', pace: null, defaultTarget: 80 },
  nps: { unit: 'nps', direction: 'min', pace: null, defaultTarget: 50 },
  qbrCompletion: { unit: 'ratio', direction: 'min', pace: null, defaultTarget: 1 },
};

export type Target = {
  metric: MetricKey;
  /** As set (or by default): yearly for paced metrics. */
  value: number | null;
  defaultValue: number | null;
  source: 'default' | 'set';
  direction: 'min' | 'max';
  yearly: boolean;
};

const isMetric = (key: string): key is MetricKey => (metricKeys as readonly string[]).includes(key);

/** The yearly target brought to a period of `days` days. */
export function targetForPeriod(metric: MetricKey, yearly: number, days: number): number {
  const share = days / 365;
  const pace = metricDefinitions[metric].pace;
  if (pace === 'compound') return yearly ** share;
  if (pace === 'churn') return 1 - (1 - yearly) ** share;
  if (pace === 'linear') return yearly * share;
  return yearly;
}

/** Whether a value meets its target; null when either is missing. */
export function meetsTarget(
  metric: MetricKey,
  value: number | null,
  target: number | null,
): boolean | null {
  if (value === null || target === null) return null;
  return metricDefinitions[metric].direction === 'min' ? value >= target : value <= target;
}

export function describeTargets(rows: { metric: string; value: number }[]): Target[] {
  const set = new Map(rows.filter((r) => isMetric(r.metric)).map((r) => [r.metric, r.value]));
  return metricKeys.map((metric) => {
    const definition = metricDefinitions[metric];
    const value = set.get(metric);
    return {
      metric,
      value: value ?? definition.defaultTarget,
      defaultValue: definition.defaultTarget,
      source: value === undefined ? 'default' : 'set',
      direction: definition.direction,
      yearly: definition.pace !== null,
    };
  });
}

export async function loadTargets(db: Db, workspaceId: WorkspaceId): Promise<Target[]> {
  return describeTargets(await store.targetsOf(db, workspaceId));
}

/** Ratios are fractions (1.1 for 110%); a ratio target outside 0–10 is a typo. */
function checkTargets(targets: Record<string, number | null>) {
  const errors = Object.entries(targets).flatMap(([metric, value]) => {
    if (!isMetric(metric)) return [fieldProblem(`targets.${metric}`, 'revenue.field.noMetric')];
    if (value === null) return [];
    const unit = metricDefinitions[metric].unit;
    if (unit === 'ratio' && (value < 0 || value > 10)) {
      return [fieldProblem(`targets.${metric}`, 'revenue.field.ratio')];
    }
    if (unit === 'nps' && (value < -100 || value > 100)) {
      return [fieldProblem(`targets.${metric}`, 'revenue.field.npsRange')];
    }
    if (unit === 'score' && (value < 0 || value > 100)) {
      return [fieldProblem(`targets.${metric}`, 'revenue.field.healthRange')];
    }
    if ((unit === 'money' || unit === 'days') && (value < 0 || !Number.isInteger(value))) {
      return [fieldProblem(`targets.${metric}`, 'revenue.field.wholeNumber')];
    }
    return [];
  });
  if (errors.length > 0) throw invalid(errors, { key: 'revenue.problem.targets' });
}

export async function setTargets(
  db: Db,
  by: ChangeAuthor,
  at: Date,
  targets: Record<string, number | null>,
): Promise<Target[]> {
  checkTargets(targets);
  const before = await loadTargets(db, by.workspaceId);
  await db.transaction().execute(async (trx) => {
    await store.saveTargets(trx, by.workspaceId, by.userId, at, targets);
    await recordAudit(trx, by, {
      action: 'revenue.targets_set',
      entityType: 'workspace',
      entityId: by.workspaceId,
      changes: Object.fromEntries(
        Object.entries(targets).map(([metric, to]) => [
          metric,
          { from: before.find((t) => t.metric === metric)?.value ?? null, to },
        ]),
      ),
    });
  });
  return loadTargets(db, by.workspaceId);
}

// What the health screens read: an account's health panel, the dashboard (counts, movers, the
// list with reasons), sparkline series for a page of the portfolio, and churn risk by renewal.
import type { Db } from '../../db/connect.ts';
import type { HealthCategory } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UserId } from '../../lib/ids.ts';
import { addDays, isoDay } from '../../lib/calendar.ts';
import { getAccount, type AccountScope } from '../accounts/index.ts';
import type { ChurnRiskAssessment } from './churnRisk.ts';
import { playRuns } from './plays.ts';
import type { WeightedMeasure } from './scorecard.ts';
import * as store from './store/views.ts';
import type { ScopedRow } from './store/views.ts';
import type { MeasureChange, Trend } from './trend.ts';

type StoredRisk = Partial<ChurnRiskAssessment> & { trend?: Trend; whatChanged?: MeasureChange[] };

const noTrend: Trend = { monthOverMonth: null, weekOverWeek: null, declining: false };

const today = (clock: Clock) => isoDay(clock.now());

function riskOf(stored: StoredRisk): ChurnRiskAssessment | null {
  if (stored.level === undefined || stored.score === undefined) return null;
  return {
    level: stored.level,
    score: stored.score,
    factors: stored.factors ?? [],
    recommendedActions: stored.recommendedActions ?? [],
    daysToRenewal: stored.daysToRenewal ?? null,
    interventionPriority: stored.interventionPriority ?? 0,
  };
}

export async function accountHealth(
  db: Db,
  clock: Clock,
  scope: AccountScope,
  accountId: string,
  days: number,
) {
  const account = await getAccount(db, scope, accountId);
  const [current, history, plays] = await Promise.all([
    store.currentScore(db, scope.workspaceId, account.id),
    store.historyOf(db, scope.workspaceId, account.id, addDays(today(clock), -days)),
    playRuns(db, scope, account.id, 20),
  ]);
  const stored = (current?.churn_risk ?? {}) as StoredRisk;
  return {
    accountId: account.id,
    accountName: account.name,
    scored: current !== undefined,
    score: current?.score ?? null,
    category: current?.category ?? null,
    computedAt: current?.computed_at.toISOString() ?? null,
    measures: (current?.measures ?? []) as WeightedMeasure[],
    trend: stored.trend ?? noTrend,
    whatChanged: stored.whatChanged ?? [],
    churnRisk: riskOf(stored),
    history,
    plays,
  };
}

function line(row: ScopedRow) {
  return {
    accountId: row.id,
    name: row.name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    tier: row.tier,
    arr: { amount: row.arr_amount, currency: row.currency },
    renewalDate: row.renewal_date,
  };
}

function weakest(measures: unknown): WeightedMeasure | null {
  const scored = ((measures ?? []) as WeightedMeasure[]).filter((m) => m.score !== null);
  scored.sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
  return scored[0] ?? null;
}

export async function healthDashboard(
  db: Db,
  clock: Clock,
  scope: AccountScope,
  owner: UserId | null,
) {
  const rows = await store.scopedAccountRows(db, scope, owner);
  const counts = { healthy: 0, at_risk: 0, critical: 0, unscored: 0 };
  for (const row of rows) counts[row.category ?? 'unscored']++;
  if (rows.length === 0) return { counts, movers: [], accounts: [] };
  const weekAgo = await store.scoresOn(
    db,
    scope.workspaceId,
    addDays(today(clock), -7),
    rows.map((r) => r.id),
  );
  const before = new Map(weekAgo.map((w) => [w.account_id, w.score]));
  const movers = rows
    .flatMap((row) => {
      const past = before.get(row.id);
      if (row.score === null || past === null || past === undefined || past === row.score)
        return [];
      return [{ ...line(row), score: row.score, category: row.category, change: row.score - past }];
    })
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .slice(0, 10);
  const accounts = rows
    .map((row) => {
      const low = weakest(row.measures);
      const stored = (row.churn_risk ?? {}) as StoredRisk;
      return {
        ...line(row),
        score: row.score,
        category: row.category,
        reason: low?.reason ?? null,
        weakestMeasure: low?.key ?? null,
        trend: row.score === null ? null : (stored.trend ?? noTrend),
        riskLevel: stored.level ?? null,
      };
    })
    .sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.name.localeCompare(b.name));
  return { counts, movers, accounts };
}

/** Score, category and a daily series per account, for a page of the portfolio. */
export async function healthSeries(
  db: Db,
  clock: Clock,
  scope: AccountScope,
  accountIds: readonly string[],
  days: number,
) {
  const to = today(clock);
  const from = addDays(to, -(days - 1));
  const visible = await store.visibleScores(db, scope, accountIds);
  const ids = visible.map((v) => v.id);
  const points =
    ids.length === 0 ? [] : await store.scoresBetween(db, scope.workspaceId, ids, { from, to });
  const byKey = new Map(points.map((p) => [`${p.account_id}:${p.day}`, p.score]));
  const dayList: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dayList.push(d);
  return {
    items: visible.map((v) => {
      const stored = (v.churn_risk ?? {}) as StoredRisk;
      return {
        accountId: v.id,
        score: v.score,
        category: v.category,
        declining: stored.trend?.declining ?? false,
        monthOverMonth: stored.trend?.monthOverMonth ?? null,
        series: dayList.map((d) => ({ day: d, score: byKey.get(`${v.id}:${d}`) ?? null })),
      };
    }),
  };
}

/** The window `within` names: this calendar quarter, or the next N days. */
export function renewalWindow(within: string, day: string): { from: string; to: string } {
  if (within === 'quarter') {
    const [year = 0, month = 1] = day.split('-').map(Number);
    const first = Math.floor((month - 1) / 3) * 3 + 1;
    const end = isoDay(Date.UTC(year, first + 2, 0));
    return { from: day, to: end };
  }
  return { from: day, to: addDays(day, Number.parseInt(within, 10)) };
}

/** Risk levels that need someone now, whenever the account renews. */
const highRiskNow = ['high', 'critical'];

/** Why an account is on a list asked for a renewal window. */
export type ChurnListReason = 'renewing' | 'high_risk_now';

/**
 * Churn risk by renewal window: the accounts renewing in it, and — since waiting for the
 * renewal would be too late for them — those whose risk is high or critical now, whenever they
 * renew, each flagged with why it is listed.
 */
export async function churnRiskList(
  db: Db,
  clock: Clock,
  scope: AccountScope,
  query: { within?: string; owner: UserId | null; levels: string[] },
) {
  const window = query.within ? renewalWindow(query.within, today(clock)) : null;
  const rows = await store.atRiskRows(db, scope, {
    owner: query.owner,
    levels: query.levels,
    window,
    highRiskNow,
  });
  const items = rows.flatMap((row) => {
    const risk = riskOf((row.churn_risk ?? {}) as StoredRisk);
    if (!risk) return [];
    const renewing =
      window !== null &&
      row.renewal_date !== null &&
      row.renewal_date >= window.from &&
      row.renewal_date <= window.to;
    const reason: ChurnListReason | null =
      window === null ? null : renewing ? 'renewing' : 'high_risk_now';
    return [
      {
        ...line(row),
        healthScore: row.score,
        category: row.category as HealthCategory | null,
        reason,
        ...risk,
      },
    ];
  });
  items.sort((a, b) => b.interventionPriority - a.interventionPriority);
  return { window, items };
}

/**
 * For other modules: each account's usage measure on health's latest scored day and `days`
 * before it (null where health has no reading), by account id.
 */
export async function usageTrends(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[],
  days: number,
): Promise<Map<string, { now: number | null; before: number | null }>> {
  if (accountIds.length === 0) return new Map();
  const rows = await store.usageReadings(db, workspaceId, accountIds, days);
  return new Map(rows.map((r) => [r.accountId, { now: r.now, before: r.before }]));
}

/**
 * For other modules: the average health score on the last scored day at or before each day
 * asked (k: its place in the list, from 1), over the accounts given or the whole workspace.
 */
export function averageHealthOn(
  db: Db,
  workspaceId: string,
  days: readonly string[],
  accountIds: readonly string[] | null,
) {
  return store.averageScoresOn(db, workspaceId, days, accountIds);
}

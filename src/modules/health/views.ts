// What the health screens read: an account's health panel, the dashboard (counts, movers, the
// list with reasons), sparkline series for a page of the portfolio, and churn risk by renewal.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { HealthCategory } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UserId } from '../../lib/ids.ts';
import { addDays, isoDay } from '../../lib/calendar.ts';
import { getAccount, type AccountScope } from '../accounts/index.ts';
import type { ChurnRiskAssessment } from './churnRisk.ts';
import { playRuns } from './plays.ts';
import type { WeightedMeasure } from './scorecard.ts';
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
    db
      .selectFrom('health_scores')
      .selectAll()
      .where('workspace_id', '=', scope.workspaceId)
      .where('account_id', '=', account.id)
      .executeTakeFirst(),
    db
      .selectFrom('health_history')
      .select(['day', 'score', 'category', 'usage', 'support', 'engagement', 'billing', 'outcomes'])
      .where('workspace_id', '=', scope.workspaceId)
      .where('account_id', '=', account.id)
      .where('day', '>', addDays(today(clock), -days))
      .orderBy('day')
      .execute(),
    playRuns(db, scope.workspaceId, account.id, 20),
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

/** Accounts the viewer may see (optionally one owner's), live ones only. */
function scopedAccounts(db: Db, scope: AccountScope, owner: UserId | null) {
  return db
    .selectFrom('accounts')
    .leftJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .leftJoin('health_scores', 'health_scores.account_id', 'accounts.id')
    .where('accounts.workspace_id', '=', scope.workspaceId)
    .where('accounts.deleted_at', 'is', null)
    .where('accounts.stage', '<>', 'churned')
    .$if(scope.onlyOwner !== null, (q) => q.where('accounts.owner_id', '=', scope.onlyOwner))
    .$if(owner !== null, (q) => q.where('accounts.owner_id', '=', owner))
    .select([
      'accounts.id',
      'accounts.name',
      'accounts.owner_id',
      'owner.name as owner_name',
      'accounts.tier',
      'accounts.arr_amount',
      'accounts.currency',
      'accounts.renewal_date',
      'health_scores.score',
      'health_scores.category',
      'health_scores.measures',
      'health_scores.churn_risk',
    ]);
}

type ScopedRow = Awaited<ReturnType<ReturnType<typeof scopedAccounts>['execute']>>[number];

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
  const rows = await scopedAccounts(db, scope, owner).execute();
  const counts = { healthy: 0, at_risk: 0, critical: 0, unscored: 0 };
  for (const row of rows) counts[row.category ?? 'unscored']++;
  if (rows.length === 0) return { counts, movers: [], accounts: [] };
  const weekAgo = await db
    .selectFrom('health_history')
    .select(['account_id', 'score'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('day', '=', addDays(today(clock), -7))
    .where(
      'account_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
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
  const visible = await db
    .selectFrom('accounts')
    .leftJoin('health_scores', 'health_scores.account_id', 'accounts.id')
    .select([
      'accounts.id',
      'health_scores.score',
      'health_scores.category',
      'health_scores.churn_risk',
    ])
    .where('accounts.workspace_id', '=', scope.workspaceId)
    .where('accounts.deleted_at', 'is', null)
    .where('accounts.id', 'in', [...accountIds])
    .$if(scope.onlyOwner !== null, (q) => q.where('accounts.owner_id', '=', scope.onlyOwner))
    .execute();
  const ids = visible.map((v) => v.id);
  const points =
    ids.length === 0
      ? []
      : await db
          .selectFrom('health_history')
          .select(['account_id', 'day', 'score'])
          .where('workspace_id', '=', scope.workspaceId)
          .where('account_id', 'in', ids)
          .where('day', '>=', from)
          .where('day', '<=', to)
          .execute();
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
  const rows = await scopedAccounts(db, scope, query.owner)
    .where('health_scores.score', 'is not', null)
    .where(sql<boolean>`health_scores.churn_risk->>'level' = any(${query.levels}::text[])`)
    .$if(window !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb.and([
            eb('accounts.renewal_date', '>=', window?.from ?? ''),
            eb('accounts.renewal_date', '<=', window?.to ?? ''),
          ]),
          sql<boolean>`health_scores.churn_risk->>'level' = any(${highRiskNow}::text[])`,
        ]),
      ),
    )
    .execute();
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

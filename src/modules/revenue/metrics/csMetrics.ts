// The CS metrics dashboard: every figure for a period (a month, a quarter or a range) over the
// workspace, a team, a CSM, a tier or a saved segment, beside its target and its trend over
// the periods before. Gathers the facts in a handful of set-based statements, then figures
// each period with the pure rules of figures.ts.
import type { Actor } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import type { MrrMovementKind, Tier } from '../../../db/schema.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, fieldProblem, invalid } from '../../../lib/errors.ts';
import type { UserId } from '../../../lib/ids.ts';
import { isoDay } from '../../../lib/calendar.ts';
import { portfolio, portfolioQuery, scopeFor } from '../../accounts/index.ts';
import { timeToValue, valueEventThreshold } from '../../intake/adoption/index.ts';
import { averageHealthOn } from '../../health/index.ts';
import { npsByMonth } from '../../voice/index.ts';
import { loadCadences, onCadence } from '../cadences.ts';
import {
  daysIn,
  endOf,
  parsePeriod,
  periodsEndingWith,
  quarterOf,
  rangePeriod,
  startOf,
  type Period,
} from '../periods.ts';
import { mainCurrency } from '../store/renewals.ts';
import * as store from '../store/metrics.ts';
import {
  loadTargets,
  meetsTarget,
  metricDefinitions,
  metricKeys,
  targetForPeriod,
  type MetricKey,
} from '../targets.ts';
import { periodDetail, periodFigures, type PeriodFacts } from './figures.ts';

type Reader = Pick<Actor, 'workspaceId' | 'userId' | 'permissions'>;

export type MetricsQuery = {
  period?: string;
  from?: string;
  to?: string;
  owner: UserId | null;
  team: UserId | null;
  tier: Tier | null;
  segment?: string;
  currency?: string;
  trend: number;
};

export function periodOf(query: Pick<MetricsQuery, 'period' | 'from' | 'to'>, today: string) {
  if (query.period) return parsePeriod(query.period);
  if (query.from || query.to) {
    if (!query.from) throw invalid([fieldProblem('from', 'revenue.field.fromToo')]);
    return rangePeriod(query.from, query.to ?? today);
  }
  return quarterOf(today);
}

/** A saved segment's accounts, as the portfolio finds them for this person. */
async function segmentAccounts(db: Db, clock: Clock, actor: Reader, segment: string) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await portfolio(
      db,
      clock,
      { scope: scopeFor(actor), userId: actor.userId },
      {
        query: portfolioQuery.parse({ segment, limit: 500, ...(cursor ? { cursor } : {}) }),
        custom: {},
      },
    );
    ids.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

const sumBy = (rows: store.BridgeRow[], k: number) => {
  const bridge: Partial<Record<MrrMovementKind, number>> = {};
  for (const row of rows) if (row.k === k) bridge[row.kind] = (bridge[row.kind] ?? 0) + row.amount;
  return bridge;
};

function daysToValueBy(periods: Period[], customers: store.NewCustomerRow[], today: string) {
  return periods.map((period) => {
    const starters = customers.filter(
      (c) => c.startedOn >= period.from && c.startedOn <= period.to,
    );
    const days = starters.flatMap((c) => {
      const reached = timeToValue({
        startedOn: c.startedOn,
        firstBusyDay: c.firstBusyDay,
        firstValueFeatureDay: c.firstValueFeatureDay,
      });
      return reached.days === null || (reached.reachedOn ?? today) > today ? [] : [reached.days];
    });
    return { days, onTheWay: starters.length - days.length };
  });
}

/**
 * NPS per period from voice's month-by-month counts (Bain: promoters 9–10 minus detractors
 * 0–6, as a share of responses), over the accounts in scope (`accountIds` null: all of them).
 */
async function npsByPeriod(
  db: Db,
  scope: { workspaceId: Reader['workspaceId']; onlyOwner: UserId | null },
  accountIds: readonly string[] | null,
  periods: Period[],
): Promise<(number | null)[]> {
  const first = periods[0];
  if (!first) return [];
  const months = await npsByMonth(db, scope, accountIds, startOf(first));
  return periods.map((period) => {
    const inside = months.filter(
      (m) => m.month >= period.from.slice(0, 7) && m.month <= period.to.slice(0, 7),
    );
    const promoters = inside.reduce((sum, m) => sum + m.promoters, 0);
    const detractors = inside.reduce((sum, m) => sum + m.detractors, 0);
    const responses = inside.reduce((sum, m) => sum + m.responses, 0);
    return responses === 0 ? null : Math.round((100 * (promoters - detractors)) / responses);
  });
}

export async function csMetrics(db: Db, clock: Clock, actor: Reader, query: MetricsQuery) {
  const now = clock.now();
  const today = isoDay(now);
  const period = periodOf(query, today);
  const periods = periodsEndingWith(period, query.trend);
  const bounds = { starts: periods.map(startOf), ends: periods.map(endOf) };
  const ends = periods.map((p) => p.to);
  const accountScope = scopeFor(actor);
  const scope: store.MetricScope = {
    workspaceId: actor.workspaceId,
    onlyOwner: accountScope.onlyOwner,
    owner: query.owner,
    team: query.team,
    tier: query.tier,
    accountIds: query.segment ? await segmentAccounts(db, clock, actor, query.segment) : null,
  };
  const currency = query.currency ?? (await mainCurrency(db, actor.workspaceId)) ?? 'USD';
  const cadences = onCadence(await loadCadences(db, actor.workspaceId));
  // Health and NPS are read through their modules, over the accounts in scope (a CSM's, a
  // team's, a tier's, a segment's) — or, for the whole workspace, over all of its accounts.
  const wholeWorkspace =
    scope.onlyOwner === null &&
    scope.owner === null &&
    scope.team === null &&
    scope.tier === null &&
    scope.accountIds === null;
  const scopedIds = wholeWorkspace ? null : await store.scopedAccountIds(db, scope);
  const voiceScope = { workspaceId: actor.workspaceId, onlyOwner: accountScope.onlyOwner };
  const [cohorts, bridge, renewals, starters, adoption, health, qbr, opportunities, targets, nps] =
    await Promise.all([
      store.cohortFigures(db, scope, currency, bounds),
      store.mrrBridge(db, scope, currency, bounds),
      store.renewalOutcomes(db, scope, currency, bounds, now),
      store.newCustomers(db, scope, bounds, valueEventThreshold),
      store.featureAdoption(db, scope, ends),
      averageHealthOn(db, actor.workspaceId, ends, scopedIds),
      store.qbrCompletion(db, scope, bounds.ends, cadences, now),
      store.opportunityOutcomes(db, scope, currency, bounds),
      loadTargets(db, actor.workspaceId),
      npsByPeriod(db, voiceScope, scopedIds, periods),
    ]);
  const ttv = daysToValueBy(periods, starters, today);
  const facts: PeriodFacts[] = periods.map((_, i) => {
    const k = i + 1;
    return {
      cohort: cohorts.find((r) => r.k === k),
      bridge: sumBy(bridge, k),
      renewals: renewals.find((r) => r.k === k),
      daysToValue: ttv[i]?.days ?? [],
      onTheWay: ttv[i]?.onTheWay ?? 0,
      adoption: adoption.find((r) => r.k === k),
      health: health.find((r) => r.k === k),
      qbr: qbr.find((r) => r.k === k),
      opportunities: opportunities.find((r) => r.k === k),
      nps: nps[i] ?? null,
    };
  });
  const figures = facts.map(periodFigures);
  const current = figures.at(-1);
  const last = facts.at(-1);
  if (!current || !last) throw new AppError('request.invalid', { key: 'revenue.problem.noPeriod' });
  const days = daysIn(period);
  const metrics = metricKeys.map((key: MetricKey) => {
    const definition = metricDefinitions[key];
    const target = targets.find((t) => t.metric === key);
    const yearly = target?.value ?? null;
    const forPeriod = yearly === null ? null : targetForPeriod(key, yearly, days);
    const value = current[key];
    return {
      key,
      unit: definition.unit,
      value,
      target:
        yearly === null || forPeriod === null
          ? null
          : {
              value: Math.round(forPeriod * 10_000) / 10_000,
              asSet: yearly,
              yearly: definition.pace !== null,
              direction: definition.direction,
              source: target?.source ?? 'default',
            },
      met: meetsTarget(key, value, forPeriod),
      trend: periods.map((p, i) => ({ period: p.label, value: figures[i]?.[key] ?? null })),
    };
  });
  const startMrr = last.cohort?.startMrr ?? 0;
  return {
    period: { ...period, days },
    currency,
    scope: {
      owner: query.owner,
      team: query.team,
      tier: query.tier,
      segment: query.segment ?? null,
      onlyMine: accountScope.onlyOwner !== null,
    },
    metrics,
    bridge: {
      startMrr,
      newMrr: last.bridge.new ?? 0,
      expansionMrr: last.bridge.expansion ?? 0,
      reactivationMrr: last.bridge.reactivation ?? 0,
      contractionMrr: last.bridge.contraction ?? 0,
      churnedMrr: last.bridge.churn ?? 0,
      endMrr: current.mrr ?? 0,
    },
    detail: periodDetail(last),
    sources: { nps: nps.some((value) => value !== null) },
  };
}

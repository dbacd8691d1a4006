// The renewal pipeline: each account renewing in the window with what a CSM weighs before a
// renewal — ARR up, health, churn risk, usage trend, open escalations, the renewal project —
// and its forecast (Steward's, or a person's override), with totals by month and quarter
// against the renewal target. A customer who had left before the window opens (cancelled
// mid-contract) decides no renewal in it: that is churn, counted when it happened, not a lost
// renewal of this window.
import type { Db } from '../../db/connect.ts';
import type { ForecastCategory } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { decodeCursor, encodeCursor } from '../../lib/pagination.ts';
import { addDays, isoDay, quarterLabel } from '../../lib/calendar.ts';
import type { AccountScope } from '../accounts/index.ts';
import { usageTrends } from '../health/index.ts';
import {
  forecastOutcome,
  forecastWithReasons,
  type ForecastFacts,
  type RenewalProjectProgress,
} from './forecast.ts';
import { rangePeriod } from './periods.ts';
import {
  renewalDetails,
  renewalsDue,
  type RenewalDetails,
  type RenewalFacts,
} from './store/renewals.ts';
import { loadTargets } from './targets.ts';

export type Renewal = ReturnType<typeof describeRenewal>;

/** A renewal as the forecast weighs it: the account, its facts and health's usage trend. */
export type RenewalRow = RenewalFacts & { usageNow: number | null; usageMonthAgo: number | null };

/** Days back the usage trend compares with. */
const usageTrendDays = 30;

/** The renewals given with health's usage measure now and 30 days before. */
async function withUsage(
  db: Db,
  workspaceId: WorkspaceId,
  due: readonly RenewalFacts[],
): Promise<RenewalRow[]> {
  const usage = await usageTrends(
    db,
    workspaceId,
    due.map((r) => r.accountId),
    usageTrendDays,
  );
  return due.map((row) => {
    const reading = usage.get(row.accountId);
    return { ...row, usageNow: reading?.now ?? null, usageMonthAgo: reading?.before ?? null };
  });
}

/**
 * Every renewal in the window with what the forecast weighs: the accounts renewing with their
 * health and renewal facts in one statement, then health's usage trend for just those.
 */
export async function renewalsWithFacts(
  db: Db,
  scope: AccountScope,
  query: Parameters<typeof renewalsDue>[2],
): Promise<RenewalRow[]> {
  return withUsage(db, scope.workspaceId, await renewalsDue(db, scope, query));
}

const categories: ForecastCategory[] = ['commit', 'likely', 'at_risk', 'lost'];

/** A usage measure moving this many points in 30 days is a trend, not noise. */
const usageTrendPoints = 5;

function usageTrend(row: RenewalRow) {
  const change =
    row.usageNow === null || row.usageMonthAgo === null ? null : row.usageNow - row.usageMonthAgo;
  const direction =
    change === null
      ? null
      : change >= usageTrendPoints
        ? ('up' as const)
        : change <= -usageTrendPoints
          ? ('down' as const)
          : ('flat' as const);
  return { change, direction };
}

/**
 * The renewal project as the forecast weighs it. Its probability turns only on whether tasks
 * are overdue; how many are done (`details`, read for the page shown) goes into its reasons.
 */
function projectOf(
  row: RenewalRow,
  details: Pick<RenewalDetails, 'projectName' | 'projectDone' | 'projectTotal'> | null,
) {
  return row.projectId === null
    ? null
    : {
        id: row.projectId,
        name: details?.projectName ?? '',
        done: details?.projectDone ?? 0,
        total: details?.projectTotal ?? 0,
        overdue: row.projectOverdue,
      };
}

/** What Steward's forecast weighs of a renewal (its days to renewal counted in SQL). */
function factsOf(row: RenewalRow, project: RenewalProjectProgress | null): ForecastFacts {
  return {
    daysToRenewal: row.daysToRenewal,
    stage: row.stage,
    healthScore: row.healthScore,
    healthCategory: row.healthCategory,
    churnRiskLevel: row.churnRiskLevel,
    usageChange: usageTrend(row).change,
    openEscalations: row.openEscalations,
    renewalProject: project,
    contractsEnded: row.contractsEnded,
  };
}

/** What the totals need of a renewal: its ARR, its forecast, when it falls. */
export type Forecasted = {
  row: RenewalRow;
  category: ForecastCategory;
  forecastArr: number;
};

/**
 * The forecast that counts: a person's call when there is one, else Steward's — its category
 * and probability alone (the reasons are written for the page shown, `describeRenewal`).
 */
export function forecastOf(row: RenewalRow): Forecasted {
  const steward =
    row.overrideCategory !== null && row.overrideProbability !== null
      ? null
      : forecastOutcome(factsOf(row, projectOf(row, null)));
  const probability = row.overrideProbability ?? steward?.probability ?? 0;
  return {
    row,
    category: row.overrideCategory ?? steward?.category ?? 'lost',
    forecastArr: Math.round(row.arrAmount * probability),
  };
}

export function describeRenewal(row: RenewalRow, details: RenewalDetails) {
  const trend = usageTrend(row);
  const project = projectOf(row, details);
  const steward = forecastWithReasons(factsOf(row, project));
  const override =
    row.overrideCategory === null
      ? null
      : {
          category: row.overrideCategory,
          probability: row.overrideProbability ?? 0,
          note: details.overrideNote ?? '',
          byId: details.overrideBy,
          byName: details.overrideByName,
          at: details.overrideAt?.toISOString() ?? '',
        };
  const category = override?.category ?? steward.category;
  const probability = override?.probability ?? steward.probability;
  const arr = { amount: row.arrAmount, currency: row.currency };
  return {
    accountId: row.accountId,
    name: details.name,
    ownerId: details.ownerId,
    ownerName: details.ownerName,
    tier: details.tier,
    renewalDate: row.renewalDate,
    daysToRenewal: row.daysToRenewal,
    arr,
    health: { score: row.healthScore, category: row.healthCategory },
    churnRisk: row.churnRiskLevel,
    usageTrend: trend,
    openEscalations: row.openEscalations,
    renewalProject: project,
    forecast: {
      category,
      probability,
      source: override ? ('override' as const) : ('steward' as const),
      reasons: steward.reasons,
      forecastArr: { amount: Math.round(row.arrAmount * probability), currency: row.currency },
      steward: { category: steward.category, probability: steward.probability },
    },
    override,
  };
}

/** Renewals described in full, with the details read for them. */
function describeWith(rows: readonly RenewalRow[], details: readonly RenewalDetails[]) {
  const byAccount = new Map(details.map((d) => [d.accountId, d]));
  return rows.flatMap((row) => {
    const found = byAccount.get(row.accountId);
    return found ? [describeRenewal(row, found)] : [];
  });
}

/** Renewals described in full, names and notes read for just these. */
export async function describeRenewals(
  db: Db,
  workspaceId: WorkspaceId,
  rows: readonly RenewalRow[],
) {
  return describeWith(rows, await renewalDetails(db, workspaceId, rows));
}

type Money = { amount: number; currency: string };

/**
 * Dates, ids and codes compared as the code points they are: thousands of renewals are
 * sorted per request, and a locale's collation would cost more than the rest of the work.
 */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function emptyBucket(currency: string, targetRate: number | null) {
  const zero = (): Money => ({ amount: 0, currency });
  return {
    count: 0,
    arrUp: zero(),
    forecastArr: zero(),
    atRiskArr: zero(),
    targetArr: targetRate === null ? null : zero(),
    byCategory: Object.fromEntries(categories.map((c) => [c, { count: 0, arr: zero() }])) as Record<
      ForecastCategory,
      { count: number; arr: Money }
    >,
  };
}

type Bucket = ReturnType<typeof emptyBucket>;

function addTo(bucket: Bucket, renewal: Forecasted, targetRate: number | null) {
  const arr = renewal.row.arrAmount;
  bucket.count += 1;
  bucket.arrUp.amount += arr;
  bucket.forecastArr.amount += renewal.forecastArr;
  if (renewal.category === 'at_risk' || renewal.category === 'lost') bucket.atRiskArr.amount += arr;
  if (bucket.targetArr && targetRate !== null) {
    bucket.targetArr.amount = Math.round(bucket.arrUp.amount * targetRate);
  }
  const byCategory = bucket.byCategory[renewal.category];
  byCategory.count += 1;
  byCategory.arr.amount += arr;
}

/** Totals over every renewal in the currency, and by the month and quarter each falls in. */
export function pipelineTotals(
  renewals: readonly Forecasted[],
  currency: string,
  targetRate: number | null,
) {
  const totals = emptyBucket(currency, targetRate);
  const months = new Map<string, Bucket>();
  const quarters = new Map<string, Bucket>();
  const bucketIn = (map: Map<string, Bucket>, label: string) => {
    let bucket = map.get(label);
    if (!bucket) map.set(label, (bucket = emptyBucket(currency, targetRate)));
    return bucket;
  };
  // Renewals come by date, so the month (and its quarter) changes seldom: look them up then.
  let monthLabel = '';
  let month = totals;
  let quarter = totals;
  for (const renewal of renewals) {
    if (renewal.row.currency !== currency) continue;
    addTo(totals, renewal, targetRate);
    if (monthLabel === '' || !renewal.row.renewalDate.startsWith(monthLabel)) {
      monthLabel = renewal.row.renewalDate.slice(0, 7);
      month = bucketIn(months, monthLabel);
      quarter = bucketIn(quarters, quarterLabel(renewal.row.renewalDate));
    }
    addTo(month, renewal, targetRate);
    addTo(quarter, renewal, targetRate);
  }
  const sorted = (map: Map<string, Bucket>) => [...map.entries()].sort(([a], [b]) => byCode(a, b));
  return {
    totals,
    months: sorted(months).map(([month, bucket]) => ({ month, ...bucket })),
    quarters: sorted(quarters).map(([quarter, bucket]) => ({ quarter, ...bucket })),
  };
}

/** The currency most of the ARR up for renewal is in: what the totals are shown in. */
function mostArrIn(rows: readonly RenewalRow[]): string | null {
  const arr = new Map<string, number>();
  for (const row of rows) arr.set(row.currency, (arr.get(row.currency) ?? 0) + row.arrAmount);
  return [...arr].sort((a, b) => b[1] - a[1] || byCode(a[0], b[0]))[0]?.[0] ?? null;
}

export type PipelineQuery = {
  within?: string;
  from?: string;
  to?: string;
  owner: UserId | null;
  category?: ForecastCategory[];
  currency?: string;
  limit: number;
  cursor?: string;
};

export const defaultWindowDays = 90;

export function pipelineWindow(
  query: Pick<PipelineQuery, 'within' | 'from' | 'to'>,
  today: string,
) {
  if (query.from || query.to) {
    const from = query.from ?? today;
    const { to } = rangePeriod(from, query.to ?? addDays(from, defaultWindowDays));
    return { from, to };
  }
  const days = query.within ? Number.parseInt(query.within, 10) : defaultWindowDays;
  return { from: today, to: addDays(today, days) };
}

/** Where the page starts: just after the cursor's renewal, in the pipeline's order. */
function pageStart<Row extends { renewalDate: string; accountId: string }>(
  rows: readonly Row[],
  cursor: string | undefined,
) {
  if (!cursor) return 0;
  const after = decodeCursor(cursor, 'renewals');
  const start = rows.findIndex(
    (row) =>
      row.renewalDate > String(after.value) ||
      (row.renewalDate === String(after.value) && row.accountId > after.id),
  );
  return start < 0 ? rows.length : start;
}

export async function renewalPipeline(
  db: Db,
  clock: Clock,
  scope: AccountScope,
  query: PipelineQuery,
) {
  const now = clock.now();
  const window = pipelineWindow(query, isoDay(now));
  const [due, targets] = await Promise.all([
    renewalsDue(db, scope, { ...window, openOn: window.from, owner: query.owner, now }),
    loadTargets(db, scope.workspaceId),
  ]);
  const wanted = query.category ? new Set(query.category) : null;
  // The renewals come in the pipeline's order (renewal date, then account id). Without a
  // category to keep, the page is known now: its names, notes and projects' progress are read
  // while health reads the usage trend.
  const early = wanted ? null : pageStart(due, query.cursor);
  const [rows, earlyDetails] = await Promise.all([
    withUsage(db, scope.workspaceId, due),
    early === null
      ? null
      : renewalDetails(db, scope.workspaceId, due.slice(early, early + query.limit)),
  ]);
  const currency = query.currency ?? mostArrIn(rows);
  const targetRate = targets.find((t) => t.metric === 'renewalRate')?.value ?? null;
  // Every renewal in the window is forecast (the totals need them all); only the page shown
  // is described in full, reasons and all.
  const forecasts: Forecasted[] = [];
  for (const row of rows) {
    const forecast = forecastOf(row);
    if (!wanted || wanted.has(forecast.category)) forecasts.push(forecast);
  }
  const from =
    early ??
    pageStart(
      forecasts.map((f) => f.row),
      query.cursor,
    );
  const page = forecasts.slice(from, from + query.limit).map((f) => f.row);
  const items = describeWith(
    page,
    earlyDetails ?? (await renewalDetails(db, scope.workspaceId, page)),
  );
  const last = items.at(-1);
  return {
    window,
    currency,
    target: { renewalRate: targetRate },
    ...pipelineTotals(currency ? forecasts : [], currency ?? 'USD', targetRate),
    items,
    nextCursor:
      last && from + query.limit < forecasts.length
        ? encodeCursor({ value: last.renewalDate, id: last.accountId, sort: 'renewals' })
        : null,
  };
}

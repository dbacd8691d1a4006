// The renewal pipeline: each account renewing in the window with what a CSM weighs before a
// renewal — ARR up, health, churn risk, usage trend, open escalations, the renewal project —
// and its forecast (Steward's, or a person's override), with totals by month and quarter
// against the renewal target.
import type { Db } from '../../db/connect.ts';
import type { ForecastCategory } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { decodeCursor, encodeCursor } from '../../lib/pagination.ts';
import { addDays, isoDay } from '../../lib/calendar.ts';
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
  renewingIds,
  type RenewalDetails,
  type RenewalFacts,
} from './store/renewals.ts';
import { mostArrIn, pipelineTotals } from './renewalTotals.ts';
import { loadTargets } from './targets.ts';

export type Renewal = ReturnType<typeof describeRenewal>;

/** A renewal as the forecast weighs it: the account, its facts and health's usage trend. */
export type RenewalRow = RenewalFacts & { usageNow: number | null; usageMonthAgo: number | null };

/** Days back the usage trend compares with. */
const usageTrendDays = 30;

type UsageReadings = Awaited<ReturnType<typeof usageTrends>>;

/** Health's usage measure now and 30 days before, for the accounts given. */
function readUsage(db: Db, workspaceId: WorkspaceId, accountIds: readonly string[]) {
  return usageTrends(db, workspaceId, accountIds, usageTrendDays);
}

/**
 * The renewals given with their usage readings. `read` holds the readings taken beside the
 * facts, for the accounts renewing just before; an account whose renewal moved into the
 * window in between is read now.
 */
async function withUsage(
  db: Db,
  workspaceId: WorkspaceId,
  due: readonly RenewalFacts[],
  read?: { accountIds: readonly string[]; usage: UsageReadings },
): Promise<RenewalRow[]> {
  const readFor = new Set(read?.accountIds);
  const missing = due.filter((r) => !readFor.has(r.accountId)).map((r) => r.accountId);
  const usage = read?.usage ?? new Map();
  if (missing.length > 0) {
    for (const [id, reading] of await readUsage(db, workspaceId, missing)) usage.set(id, reading);
  }
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
  const due = { ...window, owner: query.owner, now };
  const wanted = query.category ? new Set(query.category) : null;
  // The ids of the renewing accounts first, so that health reads their usage trend while the
  // facts are read. The facts come in the pipeline's order (renewal date, then account id):
  // without a category to keep, the page is known then, and its names, notes and projects'
  // progress are read at once.
  const ids = await renewingIds(db, scope, due);
  const [facts, usage, targets] = await Promise.all([
    renewalsDue(db, scope, due).then(async (rows) => {
      const start = wanted ? null : pageStart(rows, query.cursor);
      const details =
        start === null
          ? null
          : await renewalDetails(db, scope.workspaceId, rows.slice(start, start + query.limit));
      return { rows, start, details };
    }),
    readUsage(db, scope.workspaceId, ids),
    loadTargets(db, scope.workspaceId),
  ]);
  const rows = await withUsage(db, scope.workspaceId, facts.rows, { accountIds: ids, usage });
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
    facts.start ??
    pageStart(
      forecasts.map((f) => f.row),
      query.cursor,
    );
  const page = forecasts.slice(from, from + query.limit).map((f) => f.row);
  const items = describeWith(
    page,
    facts.details ?? (await renewalDetails(db, scope.workspaceId, page)),
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

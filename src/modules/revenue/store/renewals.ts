// SQL for renewals: what the pipeline knows about each account renewing in a window (one
// statement for all of them), forecast overrides, and the renewals Steward has seen.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type {
  ChurnRiskLevel,
  ForecastCategory,
  HealthCategory,
  Stage,
  Tier,
} from '../../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import { isoDay } from '../../../lib/calendar.ts';
import type { AccountScope } from '../../accounts/index.ts';

export type RenewalRow = {
  accountId: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  tier: Tier;
  plan: string | null;
  stage: Stage;
  arrAmount: number;
  currency: string;
  renewalDate: string;
  healthScore: number | null;
  healthCategory: HealthCategory | null;
  churnRiskLevel: ChurnRiskLevel | null;
  usageNow: number | null;
  usageMonthAgo: number | null;
  openEscalations: number;
  projectId: string | null;
  projectName: string | null;
  projectTotal: number;
  projectDone: number;
  projectOverdue: number;
  contractsEnded: boolean;
  overrideCategory: ForecastCategory | null;
  overrideProbability: number | null;
  overrideNote: string | null;
  overrideBy: string | null;
  overrideByName: string | null;
  overrideAt: Date | null;
};

/**
 * Every account in scope renewing between `from` and `to` (inclusive), with its health, churn
 * risk, the usage measure now and 30 days before, open escalations, its renewal project's
 * progress, whether its contracts all ended, and the latest override of this renewal.
 */
export async function renewalsDue(
  db: Db,
  scope: AccountScope,
  query: { from: string; to: string; owner: UserId | null; accountId?: string; now: Date },
): Promise<RenewalRow[]> {
  const ws = scope.workspaceId;
  const owner = scope.onlyOwner ?? query.owner;
  const { rows } = await sql<RenewalRow>`
    with due as (
      select a.id, a.name, a.owner_id, a.tier, a.plan, a.stage, a.arr_amount, a.currency,
        a.renewal_date
      from accounts a
      where a.workspace_id = ${ws} and a.deleted_at is null
        and a.renewal_date between ${query.from}::date and ${query.to}::date
        and (${owner}::uuid is null or a.owner_id = ${owner}::uuid)
        and (${query.accountId ?? null}::uuid is null or a.id = ${query.accountId ?? null}::uuid)
    ),
    escalated as (
      select t.account_id, count(*)::int as open
      from escalations e
      join tasks t on t.id = e.task_id
      where e.workspace_id = ${ws} and e.resolved_at is null and e.kind <> 'warning'
        and t.account_id in (select id from due)
      group by t.account_id
    ),
    contracted as (
      select account_id,
        bool_and(ended_at is not null or status in ('canceled', 'incomplete_expired')) as ended
      from contracts
      where workspace_id = ${ws} and account_id in (select id from due)
      group by account_id
    ),
    -- The renewal project of each renewal (the latest opened in its year), then its tasks
    -- counted for all of them at once: hash joins, not a lookup per account.
    project as (
      select distinct on (p.account_id) p.account_id, p.id, p.name
      from projects p
      join due d on d.id = p.account_id
      where p.workspace_id = ${ws} and p.kind = 'renewal' and p.deleted_at is null
        and p.status <> 'cancelled' and p.start_date > d.renewal_date - 366
      order by p.account_id, p.created_at desc
    ),
    progress as (
      select t.project_id, count(*)::int as total,
        (count(*) filter (where t.status = 'done'))::int as done,
        (count(*) filter (where t.status <> 'done' and t.due_at < ${query.now}))::int as overdue
      from tasks t
      where t.workspace_id = ${ws} and t.deleted_at is null
        and t.project_id in (select id from project)
      group by t.project_id
    ),
    -- The usage measure on health's latest day and 30 days before: two days of history read
    -- by day for the whole workspace (one index range each), not two lookups per account.
    latest as (
      select max(day) as day from health_history where workspace_id = ${ws}
    ),
    usage_then as (
      select h.account_id,
        max(h.usage) filter (where h.day = latest.day) as now,
        max(h.usage) filter (where h.day = latest.day - 30) as month_ago
      from health_history h, latest
      where h.workspace_id = ${ws} and h.day in (latest.day, latest.day - 30)
        and h.account_id in (select id from due)
      group by h.account_id
    ),
    called as (
      select distinct on (f.account_id) f.account_id, f.category, f.probability, f.note,
        f.created_by, f.created_at
      from forecast_overrides f
      join due d on d.id = f.account_id and d.renewal_date = f.renewal_date
      where f.workspace_id = ${ws}
      order by f.account_id, f.created_at desc, f.id desc
    )
    select d.id as "accountId", d.name, d.owner_id as "ownerId", o.name as "ownerName",
      d.tier, d.plan, d.stage, d.arr_amount as "arrAmount", d.currency,
      d.renewal_date as "renewalDate",
      hs.score as "healthScore", hs.category as "healthCategory",
      hs.churn_risk->>'level' as "churnRiskLevel",
      u.now as "usageNow", u.month_ago as "usageMonthAgo",
      coalesce(x.open, 0) as "openEscalations",
      p.id as "projectId", p.name as "projectName",
      coalesce(g.total, 0) as "projectTotal", coalesce(g.done, 0) as "projectDone",
      coalesce(g.overdue, 0) as "projectOverdue",
      coalesce(c.ended, false) as "contractsEnded",
      f.category as "overrideCategory", f.probability as "overrideProbability",
      f.note as "overrideNote", f.created_by as "overrideBy", fu.name as "overrideByName",
      f.created_at as "overrideAt"
    from due d
    left join users o on o.id = d.owner_id
    left join health_scores hs on hs.account_id = d.id
    left join usage_then u on u.account_id = d.id
    left join escalated x on x.account_id = d.id
    left join contracted c on c.account_id = d.id
    left join project p on p.account_id = d.id
    left join progress g on g.project_id = p.id
    left join called f on f.account_id = d.id
    left join users fu on fu.id = f.created_by`.execute(db);
  return rows;
}

export async function insertOverride(
  db: Db,
  row: {
    workspaceId: WorkspaceId;
    accountId: string;
    renewalDate: string;
    category: ForecastCategory;
    probability: number;
    note: string;
    createdBy: UserId | null;
    createdAt: Date;
  },
) {
  return db
    .insertInto('forecast_overrides')
    .values({
      workspace_id: row.workspaceId,
      account_id: row.accountId,
      renewal_date: row.renewalDate,
      category: row.category,
      probability: row.probability,
      note: row.note,
      created_by: row.createdBy,
      created_at: row.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Every call made on an account's renewals, newest first. */
export function overridesOf(db: Db, workspaceId: WorkspaceId, accountId: string) {
  return db
    .selectFrom('forecast_overrides as f')
    .leftJoin('users as u', 'u.id', 'f.created_by')
    .select([
      'f.id',
      'f.renewal_date',
      'f.category',
      'f.probability',
      'f.note',
      'f.created_by',
      'u.name as created_by_name',
      'f.created_at',
    ])
    .where('f.workspace_id', '=', workspaceId)
    .where('f.account_id', '=', accountId)
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(50)
    .execute();
}

/**
 * Keeps every account's current renewal date with the ARR up for it. Until the day comes the
 * ARR follows the account; once it has passed, the row is what was due and stays as it was.
 */
export async function recordRenewals(db: Db, workspaceId: WorkspaceId | null, now: Date) {
  const today = isoDay(now);
  const result = await sql`
    insert into renewals (workspace_id, account_id, renewal_date, arr_amount, currency, seen_at)
    select workspace_id, id, renewal_date, arr_amount, currency, ${now}::timestamptz
    from accounts
    where (${workspaceId}::uuid is null or workspace_id = ${workspaceId}::uuid)
      and deleted_at is null and renewal_date is not null
    on conflict (workspace_id, account_id, renewal_date) do update
      set arr_amount = excluded.arr_amount, currency = excluded.currency, seen_at = excluded.seen_at
      where renewals.renewal_date >= ${today}::date
        and (renewals.arr_amount, renewals.currency) <> (excluded.arr_amount, excluded.currency)`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The renewals that fell due in the last year, for a workspace new to Steward (an import, the
 * demo): each account's renewal date if it has passed, and the anniversary a year before it,
 * with the ARR billing shows the day before. Rows already recorded are kept.
 */
export async function backfillRenewals(db: Db, workspaceId: WorkspaceId, now: Date) {
  const result = await sql`
    insert into renewals (workspace_id, account_id, renewal_date, arr_amount, currency, seen_at)
    select a.workspace_id, a.id, d.day,
      greatest(coalesce((
        select 12 * sum(m.amount) from mrr_movements m
        where m.workspace_id = a.workspace_id and m.account_id = a.id and m.currency = a.currency
          and m.occurred_at < (d.day::timestamp at time zone 'UTC') - interval '1 day'
      ), a.arr_amount), 0),
      a.currency, ${now}::timestamptz
    from accounts a
    cross join lateral (values (a.renewal_date), ((a.renewal_date - interval '1 year')::date)) d(day)
    where a.workspace_id = ${workspaceId} and a.deleted_at is null and a.renewal_date is not null
      and d.day <= (${now}::timestamptz at time zone 'UTC')::date
      and d.day > (${now}::timestamptz at time zone 'UTC')::date - 365
      and d.day > (a.created_at at time zone 'UTC')::date + 30
    on conflict (workspace_id, account_id, renewal_date) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The currency most of the workspace's ARR is in: what totals are shown in by default. */
export async function mainCurrency(db: Db, workspaceId: WorkspaceId): Promise<string | null> {
  const row = await db
    .selectFrom('accounts')
    .select(['currency', (eb) => eb.fn.sum<number>('arr_amount').as('arr')])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .groupBy('currency')
    .orderBy('arr', 'desc')
    .orderBy('currency')
    .limit(1)
    .executeTakeFirst();
  return row?.currency ?? null;
}

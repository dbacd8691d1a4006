// SQL for renewals: what the pipeline knows about each account renewing in a window (one
// statement for all of them), forecast overrides, and the renewals Steward has seen.
import { sql, type RawBuilder } from 'kysely';
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

/**
 * An account renewing in the window with what the forecast weighs besides usage: ARR, its
 * health (health's `account_health` view), open escalations, its renewal project and how many
 * of that project's tasks are overdue, whether its contracts all ended, and the latest call on
 * this renewal.
 */
export type RenewalFacts = {
  accountId: string;
  stage: Stage;
  arrAmount: number;
  currency: string;
  renewalDate: string;
  /** Days from `now`'s UTC day to the renewal. */
  daysToRenewal: number;
  healthScore: number | null;
  healthCategory: HealthCategory | null;
  churnRiskLevel: ChurnRiskLevel | null;
  openEscalations: number;
  projectId: string | null;
  projectOverdue: number;
  contractsEnded: boolean;
  overrideCategory: ForecastCategory | null;
  overrideProbability: number | null;
};

/**
 * The accounts of `candidates` (a relation with an `id` column) that have left: a contract of
 * theirs ended (or was cancelled) and none is still live. `left_at` is when the last of them
 * ended (or was last seen cancelled). Reads the few ended contracts (contracts_ended_idx), never
 * every contract of the workspace.
 *
 * An account that had left before a window opens decides no renewal in it, whatever its renewal
 * date says (as when a customer cancels mid-contract): its leaving is churn in the period it
 * happened. The renewal pipeline leaves such accounts out of its window (`stayedUntil` the
 * window's first day); the renewal rate leaves out every renewal dated after the account left
 * (`stayedUntil` the renewal date), so a month and its quarter judge it alike.
 */
export function leftAccounts(workspaceId: WorkspaceId, candidates: RawBuilder<unknown>) {
  return sql`
      select c.account_id, max(coalesce(c.ended_at, c.state_at)) as left_at
      from contracts c
      join ${candidates} d on d.id = c.account_id
      where c.workspace_id = ${workspaceId}
        and (c.ended_at is not null or c.status in ('canceled', 'incomplete_expired'))
        and not exists (
          select 1 from contracts l
          where l.workspace_id = ${workspaceId} and l.account_id = c.account_id
            and l.ended_at is null and l.status not in ('canceled', 'incomplete_expired'))
      group by c.account_id`;
}

/** Whether an account that left at `leftAt` (null: it has not) was still there at `opensAt`. */
export function stayedUntil(leftAt: RawBuilder<unknown>, opensAt: RawBuilder<unknown>) {
  return sql<boolean>`(${leftAt} is null or ${leftAt} >= ${opensAt})`;
}

/**
 * Every account in scope renewing between `from` and `to` (inclusive) with its renewal facts,
 * in one statement. Each fact reads what is rare (open escalations, overdue open tasks, ended
 * contracts, calls made) or what the renewals name (their projects), never every task or
 * contract of the workspace; the projects' full progress is read for the page shown
 * (`renewalDetails`). In the pipeline's order: by renewal date, then account id (a uuid sorts
 * as its text does).
 *
 * With `openOn`, an account that had left before that day — every contract ended, the last
 * of them before it, as when a customer cancels mid-contract — is left out: it decides no
 * renewal from that day on, and its leaving is churn in the period it happened.
 */
export async function renewalsDue(
  db: Db,
  scope: AccountScope,
  query: {
    from: string;
    to: string;
    owner: UserId | null;
    accountId?: string;
    openOn?: string;
    now: Date;
  },
): Promise<RenewalFacts[]> {
  const ws = scope.workspaceId;
  const owner = scope.onlyOwner ?? query.owner;
  const today = isoDay(query.now);
  const openOn = query.openOn ?? null;
  const { rows } = await sql<RenewalFacts>`
    with due as materialized (
      select a.id, a.stage, a.arr_amount, a.currency, a.renewal_date,
        h.score, h.category, h.risk_level
      from accounts a
      left join account_health h on h.account_id = a.id and h.workspace_id = a.workspace_id
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
      group by t.account_id
    ),
    -- The renewal project of each renewal: the latest opened in the renewal's year.
    project as (
      select distinct on (p.account_id) p.account_id, p.id
      from projects p
      join due d on d.id = p.account_id
      where p.workspace_id = ${ws} and p.kind = 'renewal' and p.deleted_at is null
        and p.status <> 'cancelled' and p.start_date > d.renewal_date - 366
      order by p.account_id, p.created_at desc
    ),
    -- Overdue open tasks: the workspace's few, off the open-task index.
    overdue as (
      select t.project_id, count(*)::int as overdue
      from tasks t
      where t.workspace_id = ${ws} and t.deleted_at is null and t.status <> 'done'
        and t.due_at < ${query.now}
      group by t.project_id
    ),
    -- Renewing accounts that have left: every contract ended, with when the last one did.
    ended as (${leftAccounts(ws, sql`due`)}),
    called as (
      select distinct on (f.account_id) f.account_id, f.category, f.probability
      from forecast_overrides f
      join due d on d.id = f.account_id and d.renewal_date = f.renewal_date
      where f.workspace_id = ${ws}
      order by f.account_id, f.created_at desc, f.id desc
    )
    select d.id as "accountId", d.stage, d.arr_amount as "arrAmount", d.currency,
      d.renewal_date as "renewalDate", d.renewal_date - ${today}::date as "daysToRenewal",
      d.score as "healthScore", d.category as "healthCategory", d.risk_level as "churnRiskLevel",
      coalesce(x.open, 0) as "openEscalations",
      p.id as "projectId",
      coalesce(o.overdue, 0) as "projectOverdue",
      e.account_id is not null as "contractsEnded",
      f.category as "overrideCategory", f.probability as "overrideProbability"
    from due d
    left join escalated x on x.account_id = d.id
    left join project p on p.account_id = d.id
    left join overdue o on o.project_id = p.id
    left join ended e on e.account_id = d.id
    left join called f on f.account_id = d.id
    where ${openOn}::date is null
      or ${stayedUntil(sql`e.left_at`, sql`(${openOn}::date::timestamp at time zone 'UTC')`)}
    order by d.renewal_date, d.id`.execute(db);
  return rows;
}

export type RenewalDetails = {
  accountId: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  tier: Tier;
  plan: string | null;
  projectName: string | null;
  projectTotal: number;
  projectDone: number;
  overrideNote: string | null;
  overrideBy: string | null;
  overrideByName: string | null;
  overrideAt: Date | null;
};

/**
 * What a page of renewals shows beyond the forecast: names, the owner, the renewal project's
 * name and progress, and who made the latest call on the renewal, with their note.
 */
export async function renewalDetails(
  db: Db,
  workspaceId: WorkspaceId,
  renewals: readonly { accountId: string; renewalDate: string; projectId: string | null }[],
): Promise<RenewalDetails[]> {
  if (renewals.length === 0) return [];
  const { rows } = await sql<RenewalDetails>`
    with shown as (
      select * from unnest(${renewals.map((r) => r.accountId)}::uuid[],
        ${renewals.map((r) => r.renewalDate)}::date[], ${renewals.map((r) => r.projectId)}::uuid[])
        as s(account_id, renewal_date, project_id)
    )
    select a.id as "accountId", a.name, a.owner_id as "ownerId", o.name as "ownerName",
      a.tier, a.plan, p.name as "projectName",
      coalesce(g.total, 0) as "projectTotal", coalesce(g.done, 0) as "projectDone",
      f.note as "overrideNote", f.created_by as "overrideBy", fu.name as "overrideByName",
      f.created_at as "overrideAt"
    from shown s
    join accounts a on a.id = s.account_id and a.workspace_id = ${workspaceId}
    left join users o on o.id = a.owner_id
    left join projects p on p.id = s.project_id and p.workspace_id = ${workspaceId}
    left join lateral (
      select count(*)::int as total, (count(*) filter (where t.status = 'done'))::int as done
      from tasks t
      where t.workspace_id = ${workspaceId} and t.project_id = s.project_id
        and t.deleted_at is null
    ) g on true
    left join lateral (
      select f.note, f.created_by, f.created_at from forecast_overrides f
      where f.workspace_id = ${workspaceId} and f.account_id = s.account_id
        and f.renewal_date = s.renewal_date
      order by f.created_at desc, f.id desc
      limit 1
    ) f on true
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

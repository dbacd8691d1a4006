// SQL for the CS metrics, for several consecutive periods at once (the period asked for and
// the ones before it, for the trend). Each statement reads its source once for all periods:
// MRR at every boundary is one pass over the movements, one conditional sum per boundary.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { MrrMovementKind, Tier } from '../../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import { usageDaysBetween } from '../../intake/adoption/index.ts';
import { leftAccounts, stayedUntil } from './renewals.ts';

/** Whose accounts a figure covers: the workspace, a team, a CSM, a tier, a segment. */
export type MetricScope = {
  workspaceId: WorkspaceId;
  /** A CSM sees only their own accounts, whatever else is asked. */
  onlyOwner: UserId | null;
  owner: UserId | null;
  /** A manager: the accounts of the people reporting to them, and their own. */
  team: UserId | null;
  tier: Tier | null;
  /** A saved segment's accounts, resolved by the accounts module. */
  accountIds: readonly string[] | null;
};

/** Consecutive periods: period k runs from `starts[k]` up to (not including) `ends[k]`. */
export type Bounds = { starts: Date[]; ends: Date[] };

function scoped(scope: MetricScope): RawBuilder<unknown> {
  const ws = scope.workspaceId;
  const ids = scope.accountIds === null ? null : [...scope.accountIds];
  return sql`
    select id, tier, plan, stage, created_at from accounts
    where workspace_id = ${ws} and deleted_at is null
      and (${scope.onlyOwner}::uuid is null or owner_id = ${scope.onlyOwner}::uuid)
      and (${scope.owner}::uuid is null or owner_id = ${scope.owner}::uuid)
      and (${scope.team}::uuid is null or owner_id = ${scope.team}::uuid or owner_id in (
        select id from users where workspace_id = ${ws} and manager_id = ${scope.team}::uuid))
      and (${scope.tier}::text is null or tier = ${scope.tier}::text)
      and (${ids}::uuid[] is null or id = any(${ids}::uuid[]))`;
}

function periods(bounds: Bounds): RawBuilder<unknown> {
  return sql`select * from unnest(${bounds.starts}::timestamptz[], ${bounds.ends}::timestamptz[])
    with ordinality as b(starts, ends, k)`;
}

export type CohortRow = {
  k: number;
  /** Customers (MRR above zero) at the period's start: the cohort. */
  cohort: number;
  startMrr: number;
  /** The cohort's MRR at the period's end. */
  cohortEndMrr: number;
  /** Each cohort customer's end MRR, capped at where they started. */
  retainedMrr: number;
  cohortExpansion: number;
  cohortContraction: number;
  churnedLogos: number;
  churnedMrr: number;
  endMrr: number;
  customers: number;
};

/**
 * Per period, the cohort of customers at its start and where each ended: an account's MRR at
 * a moment is the sum of its movements before it, so every boundary is one filtered sum.
 */
export async function cohortFigures(
  db: Db,
  scope: MetricScope,
  currency: string,
  bounds: Bounds,
): Promise<CohortRow[]> {
  const ws = scope.workspaceId;
  const moments = [bounds.starts[0] ?? new Date(0), ...bounds.ends];
  const last = moments.at(-1) ?? new Date(0);
  // Summed as float8: a bigint sum accumulates in numeric, several times slower, and amounts in
  // minor units stay exact in a double far beyond any real MRR (2^53).
  const sums = sql.join(
    moments.map((t) => sql`coalesce(sum(m.amount::float8) filter (where m.occurred_at < ${t}), 0)`),
  );
  const { rows } = await sql<CohortRow>`
    with scoped as (${scoped(scope)}),
    per as (
      select m.account_id, array[${sums}]::float8[] as mrr
      from mrr_movements m
      where m.workspace_id = ${ws} and m.currency = ${currency} and m.occurred_at < ${last}
        and m.account_id in (select id from scoped)
      group by m.account_id
    )
    select x.k::int as k,
      (count(*) filter (where x.s > 0))::int as cohort,
      coalesce(sum(x.s) filter (where x.s > 0), 0)::bigint as "startMrr",
      coalesce(sum(greatest(x.e, 0)) filter (where x.s > 0), 0)::bigint as "cohortEndMrr",
      coalesce(sum(least(greatest(x.e, 0), x.s)) filter (where x.s > 0), 0)::bigint
        as "retainedMrr",
      coalesce(sum(greatest(x.e - x.s, 0)) filter (where x.s > 0), 0)::bigint
        as "cohortExpansion",
      coalesce(sum(x.s - x.e) filter (where x.s > 0 and x.e > 0 and x.e < x.s), 0)::bigint
        as "cohortContraction",
      (count(*) filter (where x.s > 0 and x.e <= 0))::int as "churnedLogos",
      coalesce(sum(x.s) filter (where x.s > 0 and x.e <= 0), 0)::bigint as "churnedMrr",
      coalesce(sum(greatest(x.e, 0)), 0)::bigint as "endMrr",
      (count(*) filter (where x.e > 0))::int as customers
    from per
    cross join lateral (
      select k, per.mrr[k] as s, per.mrr[k + 1] as e
      from generate_series(1, ${moments.length - 1}::int) k
    ) x
    group by x.k
    order by x.k`.execute(db);
  return rows;
}

export type BridgeRow = { k: number; kind: MrrMovementKind; amount: number };

/** The MRR bridge: movements in each period summed by kind (signed, as recorded). */
export async function mrrBridge(
  db: Db,
  scope: MetricScope,
  currency: string,
  bounds: Bounds,
): Promise<BridgeRow[]> {
  const ws = scope.workspaceId;
  const { rows } = await sql<BridgeRow>`
    with scoped as (${scoped(scope)}), b as (${periods(bounds)})
    select b.k::int as k, m.kind, sum(m.amount::float8)::bigint as amount
    from mrr_movements m
    join b on m.occurred_at >= b.starts and m.occurred_at < b.ends
    where m.workspace_id = ${ws} and m.currency = ${currency}
      and m.occurred_at >= ${bounds.starts[0] ?? new Date(0)}
      and m.occurred_at < ${bounds.ends.at(-1) ?? new Date(0)}
      and m.account_id in (select id from scoped)
    group by b.k, m.kind`.execute(db);
  return rows;
}

export type RenewalOutcomeRow = {
  k: number;
  renewed: number;
  renewedArr: number;
  lost: number;
  lostArr: number;
  pending: number;
};

/**
 * Renewals due in each period (up to now) and how each went: with billing, renewed if the
 * account still paid a week after the date; without, lost if it churned, renewed if its
 * renewal date has moved on, else not known yet. A customer who had left before its renewal
 * date (every contract ended, as when it cancelled mid-contract) has no renewal on it: its
 * leaving is churn in the period it happened, not counted again as a lost renewal when its old
 * renewal date comes. The test is the renewal's own date, not the period's start, so a month
 * and the quarter holding it judge the same renewal alike.
 */
export async function renewalOutcomes(
  db: Db,
  scope: MetricScope,
  currency: string,
  bounds: Bounds,
  now: Date,
): Promise<RenewalOutcomeRow[]> {
  const ws = scope.workspaceId;
  const { rows } = await sql<RenewalOutcomeRow>`
    with scoped as (${scoped(scope)}), b as (${periods(bounds)}),
    due as (
      select b.k, r.account_id, r.renewal_date, r.arr_amount, a.stage,
        a.renewal_date as renews_next,
        least((r.renewal_date + 7)::timestamp at time zone 'UTC', ${now}::timestamptz) as judged_at
      from renewals r
      join b on r.renewal_date >= (b.starts at time zone 'UTC')::date
        and r.renewal_date < (b.ends at time zone 'UTC')::date
      join accounts a on a.id = r.account_id
      where r.workspace_id = ${ws} and r.currency = ${currency}
        and r.renewal_date <= (${now}::timestamptz at time zone 'UTC')::date
        and r.account_id in (select id from scoped)
    ),
    gone as (${leftAccounts(ws, sql`(select distinct account_id as id from due)`)}),
    -- What each account paid a week after its renewal date: one join, not a sum per renewal.
    paid as (
      select d.account_id, d.renewal_date, sum(m.amount::float8) as mrr_after
      from due d
      join mrr_movements m on m.workspace_id = ${ws} and m.account_id = d.account_id
        and m.currency = ${currency} and m.occurred_at < d.judged_at
      group by d.account_id, d.renewal_date
    ),
    judged as (
      select due.k, due.arr_amount,
        case
          when paid.mrr_after is not null then
            case when paid.mrr_after > 0 then 'renewed' else 'lost' end
          when due.stage = 'churned' then 'lost'
          when due.renews_next > due.renewal_date then 'renewed'
          else 'pending'
        end as outcome
      from due
      left join paid on paid.account_id = due.account_id and paid.renewal_date = due.renewal_date
      left join gone on gone.account_id = due.account_id
      where ${stayedUntil(sql`gone.left_at`, sql`(due.renewal_date::timestamp at time zone 'UTC')`)}
    )
    select k::int as k,
      (count(*) filter (where outcome = 'renewed'))::int as renewed,
      coalesce(sum(arr_amount) filter (where outcome = 'renewed'), 0)::bigint as "renewedArr",
      (count(*) filter (where outcome = 'lost'))::int as lost,
      coalesce(sum(arr_amount) filter (where outcome = 'lost'), 0)::bigint as "lostArr",
      (count(*) filter (where outcome = 'pending'))::int as pending
    from judged group by k`.execute(db);
  return rows;
}

export type NewCustomerRow = {
  accountId: string;
  startedOn: string;
  firstBusyDay: string | null;
  firstValueFeatureDay: string | null;
};

/**
 * Customers whose first MRR began in the periods, with the days they first got value: a day
 * with at least `threshold` events, or the first use of a feature the catalog marks as value.
 */
export async function newCustomers(
  db: Db,
  scope: MetricScope,
  bounds: Bounds,
  threshold: number,
): Promise<NewCustomerRow[]> {
  const ws = scope.workspaceId;
  const { rows } = await sql<NewCustomerRow>`
    with scoped as (${scoped(scope)}),
    firsts as (
      select m.account_id, (min(m.occurred_at) at time zone 'UTC')::date as started_on
      from mrr_movements m
      where m.workspace_id = ${ws} and m.kind = 'new' and m.account_id in (select id from scoped)
      group by m.account_id
      having min(m.occurred_at) >= ${bounds.starts[0] ?? new Date(0)}
        and min(m.occurred_at) < ${bounds.ends.at(-1) ?? new Date(0)}
    ),
    valued as (select key from usage_features where workspace_id = ${ws} and is_value),
    days as (
      select d.account_id, d.day, sum(d.events) as events,
        bool_or(d.feature_key in (select key from valued)) as value_used
      from firsts f
      cross join lateral ${usageDaysBetween(ws, sql`array[f.account_id]`, sql`f.started_on`, sql`'infinity'::date`)} d
      group by d.account_id, d.day
    )
    select f.account_id as "accountId", f.started_on::text as "startedOn",
      (min(d.day) filter (where d.events >= ${threshold}))::text as "firstBusyDay",
      (min(d.day) filter (where d.value_used))::text as "firstValueFeatureDay"
    from firsts f
    left join days d on d.account_id = f.account_id
    group by f.account_id, f.started_on`.execute(db);
  return rows;
}

export type AdoptionRow = { k: number; accounts: number; available: number; used: number };

/**
 * Feature adoption at each period's end: of the catalog features each live account may use
 * (premium ones only with a premium plan, or the enterprise tier for a plan not priced), how
 * many it used in the 30 days before.
 */
export async function featureAdoption(
  db: Db,
  scope: MetricScope,
  ends: string[],
): Promise<AdoptionRow[]> {
  const ws = scope.workspaceId;
  const first = ends[0] ?? '1970-01-01';
  const last = ends.at(-1) ?? '1970-01-01';
  const { rows } = await sql<AdoptionRow>`
    with scoped as (${scoped(scope)}),
    e as (select * from unnest(${ends}::date[]) with ordinality as e(day, k)),
    catalog as (select key, premium from usage_features where workspace_id = ${ws}),
    accounts_in as (
      select s.id, (s.created_at at time zone 'UTC')::date as created_on,
        coalesce(p.premium, s.tier = 'enterprise') as entitled
      from scoped s
      left join revenue_plans p on p.workspace_id = ${ws} and lower(p.name) = lower(s.plan)
      where s.stage <> 'churned'
    ),
    used as (
      select e.k, d.account_id, count(distinct d.feature_key) as used
      from ${usageDaysBetween(ws, sql`array(select id from accounts_in)`, sql`${first}::date - 29`, last)} d
      join e on d.day between e.day - 29 and e.day
      join catalog c on c.key = d.feature_key
      join accounts_in a on a.id = d.account_id and (not c.premium or a.entitled)
      where d.events > 0
      group by e.k, d.account_id
    )
    select e.k::int as k, count(a.id)::int as accounts,
      coalesce(sum((select count(*) from catalog c where not c.premium or a.entitled)), 0)::int
        as available,
      coalesce(sum(u.used), 0)::int as used
    from e
    join accounts_in a on a.created_on <= e.day
    left join used u on u.k = e.k and u.account_id = a.id
    group by e.k`.execute(db);
  return rows;
}

/** The ids of the accounts a scope covers (for the figures other modules compute). */
export async function scopedAccountIds(db: Db, scope: MetricScope): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`${scoped(scope)}`.execute(db);
  return rows.map((r) => r.id);
}

export type QbrRow = { k: number; due: number; held: number };

/**
 * QBR completion at each period's end: accounts on a cadence (customers for the whole cadence
 * window) and how many had a QBR in that window that took place.
 */
export async function qbrCompletion(
  db: Db,
  scope: MetricScope,
  ends: Date[],
  cadences: { tier: Tier; months: number }[],
  now: Date,
): Promise<QbrRow[]> {
  const ws = scope.workspaceId;
  if (cadences.length === 0) return [];
  const { rows } = await sql<QbrRow>`
    with scoped as (${scoped(scope)}),
    e as (select * from unnest(${ends}::timestamptz[]) with ordinality as e(until, k)),
    cad as (select * from unnest(${cadences.map((c) => c.tier)}::text[],
      ${cadences.map((c) => c.months)}::int[]) as c(tier, months)),
    due as (
      select e.k, s.id, s.created_at, e.until,
        (e.until at time zone 'UTC' - make_interval(months => c.months)) at time zone 'UTC' as since
      from scoped s
      join cad c on c.tier = s.tier
      cross join e
      where s.stage <> 'churned'
    )
    select k::int as k, count(*)::int as due,
      (count(*) filter (where exists (
        select 1 from meetings m
        where m.workspace_id = ${ws} and m.account_id = due.id and m.kind = 'qbr'
          and m.status <> 'cancelled' and m.starts_at >= due.since
          and m.starts_at < least(due.until, ${now}::timestamptz))))::int as held
    from due
    where due.created_at <= due.since
    group by k`.execute(db);
  return rows;
}

export type OpportunityOutcomeRow = {
  k: number;
  won: number;
  wonAmount: number;
  lost: number;
};

/** Tracked opportunities closed in each period: won (and their ARR) and lost. */
export async function opportunityOutcomes(
  db: Db,
  scope: MetricScope,
  currency: string,
  bounds: Bounds,
): Promise<OpportunityOutcomeRow[]> {
  const ws = scope.workspaceId;
  const { rows } = await sql<OpportunityOutcomeRow>`
    with scoped as (${scoped(scope)}), b as (${periods(bounds)})
    select b.k::int as k,
      (count(*) filter (where o.stage = 'won'))::int as won,
      coalesce(sum(o.amount) filter (where o.stage = 'won'), 0)::bigint as "wonAmount",
      (count(*) filter (where o.stage = 'lost'))::int as lost
    from opportunities o
    join b on o.closed_at >= b.starts and o.closed_at < b.ends
    where o.workspace_id = ${ws} and o.currency = ${currency}
      and o.account_id in (select id from scoped)
    group by b.k`.execute(db);
  return rows;
}

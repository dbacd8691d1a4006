// Adoption reads: SQL over the daily rollups (usage_daily, usage_daily_users), never the raw
// events, so the answers stay fast however many events came in.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';

type Window = { from: string; to: string };

/** Distinct active users of one account in the day, week and month ending on `day`. */
export async function activeUsers(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  day: string,
  week: Window,
  month: Window,
) {
  const { rows } = await sql<{ dau: number; wau: number; mau: number }>`
    select
      count(distinct user_id) filter (where day = ${day}::date)::int as dau,
      count(distinct user_id) filter (where day >= ${week.from}::date)::int as wau,
      count(distinct user_id)::int as mau
    from usage_daily_users
    where workspace_id = ${workspaceId} and account_id = ${accountId}
      and day between ${month.from}::date and ${month.to}::date`.execute(db);
  return rows[0] ?? { dau: 0, wau: 0, mau: 0 };
}

/** Events and distinct users per feature in the window, busiest first. */
export async function featureUse(db: Db, workspaceId: WorkspaceId, accountId: string, w: Window) {
  const { rows } = await sql<{ key: string; events: number; users: number }>`
    select e.feature_key as key, e.events::int as events, coalesce(u.users, 0)::int as users
    from (
      select feature_key, sum(events) as events from usage_daily
      where workspace_id = ${workspaceId} and account_id = ${accountId}
        and day between ${w.from}::date and ${w.to}::date
      group by feature_key
    ) e
    left join (
      select feature_key, count(distinct user_id) as users from usage_daily_users
      where workspace_id = ${workspaceId} and account_id = ${accountId}
        and day between ${w.from}::date and ${w.to}::date
      group by feature_key
    ) u using (feature_key)
    order by e.events desc, e.feature_key`.execute(db);
  return rows;
}

/** Events and active users per day of the window (days without use are left out). */
export async function dailyUse(db: Db, workspaceId: WorkspaceId, accountId: string, w: Window) {
  const { rows } = await sql<{ day: string; events: number; activeUsers: number }>`
    select coalesce(e.day, u.day)::text as day, coalesce(e.events, 0)::int as events,
      coalesce(u.users, 0)::int as "activeUsers"
    from (
      select day, sum(events) as events from usage_daily
      where workspace_id = ${workspaceId} and account_id = ${accountId}
        and day between ${w.from}::date and ${w.to}::date
      group by day
    ) e
    full join (
      select day, count(distinct user_id) as users from usage_daily_users
      where workspace_id = ${workspaceId} and account_id = ${accountId}
        and day between ${w.from}::date and ${w.to}::date
      group by day
    ) u using (day)
    order by 1`.execute(db);
  return rows;
}

/** The first day of use, the first day with ≥ `threshold` events and the first value-feature day. */
export async function valueMilestones(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  threshold: number,
  valueFeatures: readonly string[],
) {
  const { rows } = await sql<
    ValueStartRow & {
      firstDay: string | null;
      firstBusyDay: string | null;
      firstValueFeatureDay: string | null;
    }
  >`
    with days as (
      select day, sum(events) as events,
        bool_or(feature_key = any(${valueFeatures as string[]}::text[])) as value_used
      from usage_daily
      where workspace_id = ${workspaceId} and account_id = ${accountId}
      group by day
    )
    select min(day)::text as "firstDay",
      min(day) filter (where events >= ${threshold})::text as "firstBusyDay",
      min(day) filter (where value_used)::text as "firstValueFeatureDay",
      ${contractStart(workspaceId, sql`${accountId}::uuid`)} as "contractStartedOn",
      ${historyStart(workspaceId)} as "historyFrom"
    from days`.execute(db);
  return (
    rows[0] ?? {
      firstDay: null,
      firstBusyDay: null,
      firstValueFeatureDay: null,
      contractStartedOn: null,
      historyFrom: null,
    }
  );
}

/** What time to value needs besides usage: when the contract started, when history begins. */
export type ValueStartRow = { contractStartedOn: string | null; historyFrom: string | null };

/** The day the account's earliest contract started (UTC), as the billing intake knows it. */
function contractStart(workspaceId: string, accountId: RawBuilder<unknown>) {
  return sql<string | null>`(select (min(c.started_at) at time zone 'UTC')::date::text
    from contracts c where c.workspace_id = ${workspaceId} and c.account_id = ${accountId})`;
}

/** The first day of the workspace's usage history: starts before it were not seen. */
function historyStart(workspaceId: string) {
  return sql<string | null>`(select min(h.day)::text from usage_daily h
    where h.workspace_id = ${workspaceId})`;
}

/**
 * The CTEs `people` (each person's first and last active day in the two months, per account of
 * the CTE `scoped`, read through the rollups' primary key) and `users` (per account, the people
 * active this month and the month before): grouped by hash, where count(distinct) per month
 * sorted every person-day row.
 */
function activeUsersByMonth(ws: string, month: Window, previousMonth: Window) {
  return sql`people as (
      select account_id, min(day) as first_day, max(day) as last_day
      from usage_daily_users
      where workspace_id = ${ws} and account_id = any(array(select id from scoped))
        and day between ${previousMonth.from}::date and ${month.to}::date
      group by account_id, user_id
    ),
    users as (
      select account_id,
        count(*) filter (where last_day >= ${month.from}::date) as mau,
        count(*) filter (where first_day <= ${previousMonth.to}::date) as previous_mau
      from people
      group by account_id
    )`;
}

export type PortfolioUsageRow = {
  accountId: string;
  name: string;
  ownerId: string | null;
  seats: number | null;
  tier: string;
  mau: number;
  previousMau: number;
  events: number;
  previousEvents: number;
  logins: number;
  previousLogins: number;
  abandonedFeatures: string[];
};

/**
 * This month against the month before, for every account in scope, in one query: active
 * users, events, logins, and features used before but not since (abandoned). As in
 * `monthOverMonthUsage`, the accounts go to the rollups' primary keys as an array and each
 * person's first and last day in the two months is grouped by hash (count(distinct) sorted
 * every person-day row).
 */
export async function portfolioUsage(
  db: Db,
  scope: AccountScope,
  onlyOwner: string | null,
  month: Window,
  previousMonth: Window,
): Promise<PortfolioUsageRow[]> {
  const owner = scope.onlyOwner ?? onlyOwner;
  const ws = scope.workspaceId;
  const { rows } = await sql<PortfolioUsageRow>`
    with scoped as (
      select id, name, owner_id, seats, tier from accounts
      where workspace_id = ${ws} and deleted_at is null
        and (${owner}::uuid is null or owner_id = ${owner}::uuid)
    ),
    ${activeUsersByMonth(ws, month, previousMonth)},
    features as (
      select account_id, feature_key,
        sum(events) filter (where day >= ${month.from}::date) as events,
        sum(events) filter (where day <= ${previousMonth.to}::date) as previous_events,
        sum(logins) filter (where day >= ${month.from}::date) as logins,
        sum(logins) filter (where day <= ${previousMonth.to}::date) as previous_logins
      from usage_daily
      where workspace_id = ${ws} and account_id = any(array(select id from scoped))
        and day between ${previousMonth.from}::date and ${month.to}::date
      group by account_id, feature_key
    ),
    usage as (
      select account_id,
        coalesce(sum(events), 0) as events, coalesce(sum(previous_events), 0) as previous_events,
        coalesce(sum(logins), 0) as logins, coalesce(sum(previous_logins), 0) as previous_logins,
        coalesce(array_agg(feature_key order by feature_key)
          filter (where coalesce(events, 0) = 0 and previous_events > 0), '{}') as abandoned
      from features
      group by account_id
    )
    select s.id as "accountId", s.name, s.owner_id as "ownerId", s.seats, s.tier,
      coalesce(u.mau, 0)::int as mau, coalesce(u.previous_mau, 0)::int as "previousMau",
      coalesce(g.events, 0)::int as events, coalesce(g.previous_events, 0)::int as "previousEvents",
      coalesce(g.logins, 0)::int as logins, coalesce(g.previous_logins, 0)::int as "previousLogins",
      coalesce(g.abandoned, '{}') as "abandonedFeatures"
    from scoped s
    left join users u on u.account_id = s.id
    left join usage g on g.account_id = s.id
    order by lower(s.name), s.id`.execute(db);
  return rows;
}

export type MonthOverMonthUsageRow = {
  accountId: string;
  mau: number;
  previousMau: number;
  events: number;
  previousEvents: number;
  premiumFeaturesUsed: string[];
};

/**
 * Per account in scope with any use in the two months: active users and events this month and
 * the month before, and the labels of the premium features used this month — in one query.
 * Accounts without use are left out (they count zero). The accounts are given to the rollups'
 * primary keys as an array, so a CSM's book reads only its own rows (not the workspace's days
 * filtered after); each person's first and last day in the two months is grouped by hash, where
 * count(distinct) per month sorts every person-day row.
 */
export async function monthOverMonthUsage(
  db: Db,
  scope: AccountScope,
  onlyOwner: string | null,
  month: Window,
  previousMonth: Window,
): Promise<MonthOverMonthUsageRow[]> {
  const owner = scope.onlyOwner ?? onlyOwner;
  const ws = scope.workspaceId;
  const { rows } = await sql<MonthOverMonthUsageRow>`
    with scoped as (
      select id from accounts
      where workspace_id = ${ws} and deleted_at is null
        and (${owner}::uuid is null or owner_id = ${owner}::uuid)
    ),
    ${activeUsersByMonth(ws, month, previousMonth)},
    usage as (
      select account_id,
        sum(events) filter (where day >= ${month.from}::date) as events,
        sum(events) filter (where day <= ${previousMonth.to}::date) as previous_events
      from usage_daily
      where workspace_id = ${ws} and account_id = any(array(select id from scoped))
        and day between ${previousMonth.from}::date and ${month.to}::date
      group by account_id
    ),
    premium as (
      select d.account_id, array_agg(distinct f.label order by f.label) as labels
      from usage_daily d
      join usage_features f
        on f.workspace_id = d.workspace_id and f.key = d.feature_key and f.premium
      where d.workspace_id = ${ws} and d.account_id = any(array(select id from scoped))
        and d.day between ${month.from}::date and ${month.to}::date and d.events > 0
      group by d.account_id
    )
    select account_id as "accountId",
      coalesce(u.mau, 0)::int as mau, coalesce(u.previous_mau, 0)::int as "previousMau",
      coalesce(g.events, 0)::int as events, coalesce(g.previous_events, 0)::int as "previousEvents",
      coalesce(p.labels, '{}') as "premiumFeaturesUsed"
    from users u
    full join usage g using (account_id)
    left join premium p using (account_id)`.execute(db);
  return rows;
}

export type FeatureAcrossRow = {
  key: string;
  accounts: number;
  /** Of those, enterprise accounts: the ones that bought the premium features. */
  enterpriseAccounts: number;
  users: number;
  events: number;
};

/**
 * Per feature over the accounts in scope: how many used it in the window, users, events. As in
 * `portfolioUsage`, the accounts go to the rollups' primary keys as an array, so a CSM's book
 * reads only its own rows (not the workspace's window filtered after), and each feature's
 * people (account and user) are grouped by hash, where count(distinct) of a row sorted every
 * person-day row.
 */
export async function featureUseAcross(
  db: Db,
  scope: AccountScope,
  onlyOwner: string | null,
  w: Window,
): Promise<FeatureAcrossRow[]> {
  const owner = scope.onlyOwner ?? onlyOwner;
  const ws = scope.workspaceId;
  const { rows } = await sql<FeatureAcrossRow>`
    with scoped as (
      select id, tier from accounts
      where workspace_id = ${ws} and deleted_at is null
        and (${owner}::uuid is null or owner_id = ${owner}::uuid)
    ),
    used as (
      select d.feature_key, d.account_id, sum(d.events) as events
      from usage_daily d
      where d.workspace_id = ${ws} and d.account_id = any(array(select id from scoped))
        and d.day between ${w.from}::date and ${w.to}::date
      group by d.feature_key, d.account_id
      having sum(d.events) > 0
    ),
    people as (
      select feature_key
      from usage_daily_users
      where workspace_id = ${ws} and account_id = any(array(select id from scoped))
        and day between ${w.from}::date and ${w.to}::date
      group by feature_key, account_id, user_id
    ),
    users as (
      select feature_key, count(*) as users from people group by feature_key
    )
    select u.feature_key as key, count(*)::int as accounts,
      (count(*) filter (where s.tier = 'enterprise'))::int as "enterpriseAccounts",
      coalesce(max(x.users), 0)::int as users, sum(u.events)::int as events
    from used u
    join scoped s on s.id = u.account_id
    left join users x on x.feature_key = u.feature_key
    group by u.feature_key
    order by count(*) desc, u.feature_key`.execute(db);
  return rows;
}

export type ValueMilestonesRow = ValueStartRow & {
  accountId: string;
  tier: string;
  createdOn: string;
  firstDay: string | null;
  firstBusyDay: string | null;
  firstValueFeatureDay: string | null;
};

/**
 * `valueMilestones` for every account in scope at once, with when each account was created. Each
 * account's firsts are read through the rollups' primary key in day order, stopping at the first
 * day found: a CSM's book reads only its own accounts (not every day of the workspace grouped
 * and filtered after), and an account busy early reads only its early days.
 */
export async function valueMilestonesAcross(
  db: Db,
  scope: AccountScope,
  onlyOwner: string | null,
  threshold: number,
  valueFeatures: readonly string[],
): Promise<ValueMilestonesRow[]> {
  const owner = scope.onlyOwner ?? onlyOwner;
  const ws = scope.workspaceId;
  const { rows } = await sql<ValueMilestonesRow>`
    select s.id as "accountId", s.tier, (s.created_at at time zone 'UTC')::date::text as "createdOn",
      (select min(d.day) from usage_daily d
        where d.workspace_id = ${ws} and d.account_id = s.id)::text as "firstDay",
      (select d.day from usage_daily d
        where d.workspace_id = ${ws} and d.account_id = s.id
        group by d.day having sum(d.events) >= ${threshold}
        order by d.day limit 1)::text as "firstBusyDay",
      (select min(d.day) from usage_daily d
        where d.workspace_id = ${ws} and d.account_id = s.id
          and d.feature_key = any(${valueFeatures as string[]}::text[]))::text
        as "firstValueFeatureDay",
      ${contractStart(ws, sql`s.id`)} as "contractStartedOn",
      ${historyStart(ws)} as "historyFrom"
    from accounts s
    where s.workspace_id = ${ws} and s.deleted_at is null
      and (${owner}::uuid is null or s.owner_id = ${owner}::uuid)`.execute(db);
  return rows;
}

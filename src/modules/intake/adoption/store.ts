// Adoption reads: SQL over the month rollups (usage_months, usage_month_users), never the raw
// events, so the answers stay fast however many events came in.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';

type Window = { from: string; to: string };

// A window of days read from the month rollups (migration 0035), for one account or many: the
// window's months go to the rollups' key, so only they are read, then their days are filtered
// (a window that starts or ends inside a month counts only its days). The day views (usage_days,
// usage_day_users) read every month of an account: fine for an account's whole history.

/** A day: a 'YYYY-MM-DD' string, or an SQL expression of type date. */
type Day = string | RawBuilder<unknown>;

const dateOf = (day: Day) => (typeof day === 'string' ? sql`${day}::date` : sql`(${day})`);

/** The month keys that hold days from `from` to `to` (`month` is a rollup's month column). */
function monthsHolding(month: RawBuilder<unknown>, from: Day, to: Day): RawBuilder<unknown> {
  return sql`${month} between date_trunc('month', ${dateOf(from)}::timestamp)::date and ${dateOf(to)}`;
}

/** The accounts a read covers: the workspace's, or one owner's book; none deleted. */
function inScope(workspaceId: WorkspaceId, owner: string | null): RawBuilder<unknown> {
  return sql`workspace_id = ${workspaceId} and deleted_at is null
    and (${owner}::uuid is null or owner_id = ${owner}::uuid)`;
}

/**
 * Day rows (account_id, feature_key, day, events, logins) from `from` to `to` of the accounts in
 * `accounts` (an SQL uuid[]), as a subquery to select from.
 */
export function usageDaysBetween(
  workspaceId: WorkspaceId,
  accounts: RawBuilder<unknown>,
  from: Day,
  to: Day,
): RawBuilder<unknown> {
  return sql`(
    select m.account_id, m.feature_key, m.month + d.day_of_month - 1 as day, d.events, d.logins
    from usage_months m, unnest(m.days, m.events, m.logins) d(day_of_month, events, logins)
    where m.workspace_id = ${workspaceId} and m.account_id = any(${accounts})
      and ${monthsHolding(sql`m.month`, from, to)}
      and m.month + d.day_of_month - 1 between ${dateOf(from)} and ${dateOf(to)}
  )`;
}

/**
 * Who was active from `from` to `to` in the accounts in `accounts` (an SQL uuid[]): a row
 * (account_id, feature_key, user_id, month, active_days) per month a user was, its active_days
 * keeping only the window's days, as a subquery to select from.
 */
function activeUsersBetween(
  workspaceId: WorkspaceId,
  accounts: RawBuilder<unknown>,
  from: Day,
  to: Day,
): RawBuilder<unknown> {
  const inWindow = sql`u.active_days & usage_days_between(u.month, ${dateOf(from)}, ${dateOf(to)})`;
  return sql`(
    select u.account_id, u.feature_key, u.user_id, u.month, ${inWindow} as active_days
    from usage_month_users u
    where u.workspace_id = ${workspaceId} and u.account_id = any(${accounts})
      and ${monthsHolding(sql`u.month`, from, to)}
      and ${inWindow} <> 0
  )`;
}

/** Whether a row of `activeUsersBetween` was active on a day from `from` to `to`. */
function activeWithin(from: Day, to: Day): RawBuilder<unknown> {
  return sql`active_days & usage_days_between(month, ${dateOf(from)}, ${dateOf(to)}) <> 0`;
}

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
      count(distinct user_id) filter (where ${activeWithin(day, day)})::int as dau,
      count(distinct user_id) filter (where ${activeWithin(week.from, month.to)})::int as wau,
      count(distinct user_id)::int as mau
    from ${activeUsersBetween(workspaceId, sql`array[${accountId}::uuid]`, month.from, month.to)} u`.execute(
    db,
  );
  return rows[0] ?? { dau: 0, wau: 0, mau: 0 };
}

/** Events and distinct users per feature in the window, busiest first. */
export async function featureUse(db: Db, workspaceId: WorkspaceId, accountId: string, w: Window) {
  const { rows } = await sql<{ key: string; events: number; users: number }>`
    select e.feature_key as key, e.events::int as events, coalesce(u.users, 0)::int as users
    from (
      select feature_key, sum(events) as events
      from ${usageDaysBetween(workspaceId, sql`array[${accountId}::uuid]`, w.from, w.to)} d
      group by feature_key
    ) e
    left join (
      select feature_key, count(distinct user_id) as users
      from ${activeUsersBetween(workspaceId, sql`array[${accountId}::uuid]`, w.from, w.to)} u
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
      select day, sum(events) as events
      from ${usageDaysBetween(workspaceId, sql`array[${accountId}::uuid]`, w.from, w.to)} d
      group by day
    ) e
    full join (
      select a.day, count(distinct u.user_id) as users
      from ${activeUsersBetween(workspaceId, sql`array[${accountId}::uuid]`, w.from, w.to)} u,
        usage_active_days(u.month, u.active_days) a(day)
      group by a.day
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
      from usage_days
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

/**
 * The first day of the workspace's usage history: starts before it were not seen. Only the
 * first month is read, found at the start of the rollups' key.
 */
function historyStart(workspaceId: string) {
  return sql<string | null>`(select min(h.month + d.day_of_month - 1)::text
    from usage_months h, unnest(h.days) d(day_of_month)
    where h.workspace_id = ${workspaceId}
      and h.month = (select min(month) from usage_months where workspace_id = ${workspaceId}))`;
}

/**
 * The CTEs `people` (whether each person was active this month and the month before, per account
 * of the CTE `scoped`, read through the rollups' key) and `users` (per account, how many were):
 * grouped by hash, where count(distinct) per month sorted every person-month row.
 */
function activeUsersByMonth(ws: WorkspaceId, month: Window, previousMonth: Window) {
  return sql`people as (
      select account_id,
        bool_or(${activeWithin(month.from, month.to)}) as this_month,
        bool_or(${activeWithin(previousMonth.from, previousMonth.to)}) as previous_month
      from ${activeUsersBetween(ws, sql`array(select id from scoped)`, previousMonth.from, month.to)} u
      group by account_id, user_id
    ),
    users as (
      select account_id,
        count(*) filter (where this_month) as mau,
        count(*) filter (where previous_month) as previous_mau
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
 * `monthOverMonthUsage`, the two months and the accounts go to the rollups' keys and each
 * person's use of the two months is grouped by hash (count(distinct) sorted every person row).
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
      where ${inScope(ws, owner)}
    ),
    ${activeUsersByMonth(ws, month, previousMonth)},
    features as (
      select account_id, feature_key,
        sum(events) filter (where day >= ${month.from}::date) as events,
        sum(events) filter (where day <= ${previousMonth.to}::date) as previous_events,
        sum(logins) filter (where day >= ${month.from}::date) as logins,
        sum(logins) filter (where day <= ${previousMonth.to}::date) as previous_logins
      from ${usageDaysBetween(ws, sql`array(select id from scoped)`, previousMonth.from, month.to)} d
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
 * Accounts without use are left out (they count zero). The two months and the accounts are
 * given to the rollups' keys, so a CSM's book reads only its own rows (not the workspace's
 * months filtered after); each person's use of the two months is grouped by hash, where
 * count(distinct) per month sorts every person row.
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
      where ${inScope(ws, owner)}
    ),
    ${activeUsersByMonth(ws, month, previousMonth)},
    usage as (
      select account_id,
        sum(events) filter (where day >= ${month.from}::date) as events,
        sum(events) filter (where day <= ${previousMonth.to}::date) as previous_events
      from ${usageDaysBetween(ws, sql`array(select id from scoped)`, previousMonth.from, month.to)} d
      group by account_id
    ),
    premium as (
      select d.account_id, array_agg(distinct f.label order by f.label) as labels
      from ${usageDaysBetween(ws, sql`array(select id from scoped)`, month.from, month.to)} d
      join usage_features f on f.workspace_id = ${ws} and f.key = d.feature_key and f.premium
      where d.events > 0
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
 * `portfolioUsage`, the window's months and the accounts go to the rollups' keys, so a CSM's
 * book reads only its own rows (not the workspace's window filtered after), and each feature's
 * people (account and user) are grouped by hash, where count(distinct) of a row sorted every
 * person row.
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
      where ${inScope(ws, owner)}
    ),
    used as (
      select d.feature_key, d.account_id, sum(d.events) as events
      from ${usageDaysBetween(ws, sql`array(select id from scoped)`, w.from, w.to)} d
      group by d.feature_key, d.account_id
      having sum(d.events) > 0
    ),
    people as (
      select feature_key
      from ${activeUsersBetween(ws, sql`array(select id from scoped)`, w.from, w.to)} u
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
 * `valueMilestones` for every account in scope at once, with when each account was created. The
 * scope's month rows are read once (the accounts given to the key, so a CSM's book reads only its
 * own) without unnesting them: per account, its first month, its first month of a value feature,
 * and its first month where one feature alone had `threshold` events on a day (a busy day for
 * sure, as counts are never negative). Only those months' days are summed by day, with the months
 * between the first and that one whose features' busiest days together reach the threshold (no
 * other can hold a busy day); an account without such a month, every month that could.
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
  const valueFeature = sql`m.feature_key = any(${valueFeatures as string[]}::text[])`;
  const { rows } = await sql<ValueMilestonesRow>`
    with scoped as (
      select id, tier, created_at from accounts
      where ${inScope(ws, owner)}
    ),
    months as (
      select m.account_id, m.month, bool_or(${valueFeature}) as value_used,
        bool_or(${threshold} <= any(m.events)) as surely_busy
      from usage_months m
      -- A feature's history move leaves a row without days until its next statement.
      where m.workspace_id = ${ws} and m.account_id = any(array(select id from scoped))
        and cardinality(m.days) > 0
      group by m.month, m.account_id
    ),
    firsts as (
      select account_id, min(month) as first_month,
        min(month) filter (where value_used) as value_month,
        min(month) filter (where surely_busy) as busy_month
      from months
      group by account_id
    ),
    maybe_busy as (
      select m.account_id, m.month
      from firsts f
      join usage_months m on m.workspace_id = ${ws} and m.account_id = f.account_id
        and m.month > f.first_month and m.month < coalesce(f.busy_month, 'infinity')
      group by m.account_id, m.month
      having sum((select max(e) from unnest(m.events) e)) >= ${threshold}
    ),
    summed as (
      select account_id, first_month as month from firsts
      union select account_id, value_month from firsts where value_month is not null
      union select account_id, busy_month from firsts where busy_month is not null
      union select account_id, month from maybe_busy
    ),
    days as (
      select s.account_id, m.month + d.day_of_month - 1 as day, sum(d.events) as events,
        bool_or(${valueFeature}) as value_used
      from summed s
      join usage_months m on m.workspace_id = ${ws} and m.month = s.month
        and m.account_id = s.account_id,
        unnest(m.days, m.events) d(day_of_month, events)
      group by s.account_id, day
    ),
    milestones as (
      select account_id, min(day) as first_day,
        min(day) filter (where events >= ${threshold}) as first_busy_day,
        min(day) filter (where value_used) as first_value_feature_day
      from days
      group by account_id
    )
    select s.id as "accountId", s.tier, (s.created_at at time zone 'UTC')::date::text as "createdOn",
      g.first_day::text as "firstDay", g.first_busy_day::text as "firstBusyDay",
      g.first_value_feature_day::text as "firstValueFeatureDay",
      ${contractStart(ws, sql`s.id`)} as "contractStartedOn",
      ${historyStart(ws)} as "historyFrom"
    from scoped s
    left join milestones g on g.account_id = s.id`.execute(db);
  return rows;
}

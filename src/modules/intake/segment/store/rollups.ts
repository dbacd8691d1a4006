// The usage rollups (usage_months, usage_month_users) as SQL steps shared by every statement
// that counts events: the batch insert, and the linking of events that came before their
// user's group call; and the backfill's upsert of whole days. Set-based: one statement per
// batch, whatever its size.
import { sql } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { WorkspaceId } from '../../../../lib/ids.ts';

/**
 * Login events, for login frequency: "Signed In", "User Logged In", "login", "log_in"…
 * The same pattern runs in SQL (rollups) and here (tests, explanations).
 */
export const loginEventPattern = '(^|[^a-z])(log(ged)?[ _-]?in|sign(ed)?[ _-]?in)([^a-z]|$)';

export function isLoginEvent(event: string): boolean {
  return new RegExp(loginEventPattern, 'i').test(event);
}

/**
 * The rollup steps of a statement whose CTE `changed` returns the events newly counted:
 * (account_id, day, feature_key, actor, is_login). One sort of the events, in the rollups' key
 * order, serves both: a month's counts group it by day and then by month, its users take each
 * actor's days as bits. Rows are written in key order, so concurrent batches lock them in the
 * same order; a row the month already has gets the batch's days added (migration 0035).
 */
export function rollupSteps(workspaceId: WorkspaceId) {
  return sql`sorted as materialized (
      select date_trunc('month', day::timestamp)::date as month, account_id, feature_key,
        date_part('day', day)::smallint as day_of_month, actor, is_login
      from changed
      where account_id is not null
      order by month, account_id, feature_key, day_of_month, actor
    ),
    days as (
      select month, account_id, feature_key, day_of_month, count(*)::int as events,
        (count(*) filter (where is_login))::int as logins
      from sorted
      group by month, account_id, feature_key, day_of_month
    ),
    counted as (
      insert into usage_months (workspace_id, month, account_id, feature_key, days, events, logins)
      select ${workspaceId}, month, account_id, feature_key,
        array_agg(day_of_month order by day_of_month), array_agg(events order by day_of_month),
        array_agg(logins order by day_of_month)
      from days
      group by month, account_id, feature_key
      order by month, account_id, feature_key
      on conflict (workspace_id, month, account_id, feature_key) do update
        set days = usage_days_added(usage_months.days, excluded.days),
          events = usage_day_counts_added(usage_months.days, usage_months.events, excluded.days, excluded.events),
          logins = usage_day_counts_added(usage_months.days, usage_months.logins, excluded.days, excluded.logins)
    ),
    active as (
      insert into usage_month_users (workspace_id, month, account_id, feature_key, user_id, active_days)
      select ${workspaceId}::uuid, month, account_id, feature_key, actor, bit_or(1 << (day_of_month - 1))
      from sorted
      where actor is not null
      group by month, account_id, feature_key, actor
      order by month, account_id, feature_key, actor
      on conflict (workspace_id, month, account_id, feature_key, user_id) do update
        set active_days = usage_month_users.active_days | excluded.active_days
        where usage_month_users.active_days | excluded.active_days <> usage_month_users.active_days
    )`;
}

/**
 * What `changed` returns, from a usage_events row. `loginEvents`: the event names known to be
 * logins (a batch matches each distinct name once, in JS); without it, every row runs the pattern.
 */
export function changedColumns(loginEvents?: readonly string[]) {
  const isLogin =
    loginEvents === undefined
      ? sql`event ~* ${loginEventPattern}`
      : sql`event = any(${loginEvents}::text[])`;
  return sql`account_id, (occurred_at at time zone 'UTC')::date as day, feature_key,
    coalesce(user_id, anonymous_id) as actor, ${isLogin} as is_login`;
}

/**
 * A group call (or identify with context.groupId) just linked users to accounts: their
 * events that came first, without an account, are given it and rolled up now.
 */
export async function linkEarlierEvents(
  db: Db,
  workspaceId: WorkspaceId,
  userId: string,
  accountId: string,
): Promise<number> {
  const { rows } = await sql<{ linked: number }>`
    with changed as (
      update usage_events set account_id = ${accountId}
      where workspace_id = ${workspaceId} and user_id = ${userId} and account_id is null
      returning ${changedColumns()}
    ),
    ${rollupSteps(workspaceId)}
    select count(*)::int as linked from changed`.execute(db);
  return rows[0]?.linked ?? 0;
}

/** Users share this many lock slots per workspace: a batch holds at most this many locks. */
const userLockSlots = 64;

/**
 * Track batches take a shared lock per user, a group call an exclusive one: a group call
 * waits for in-flight events of its users to commit (and then links them), and events that
 * start after it see its link. Users are hashed into a few slots per workspace so a batch of
 * 500 users holds 64 locks, not 500 (PostgreSQL's lock table is small); two users sharing a
 * slot only means a group call may wait for a batch it did not need to. Slots are locked in
 * sorted order, so these locks cannot deadlock one another.
 */
export async function lockUsers(
  db: Db,
  workspaceId: WorkspaceId,
  userIds: readonly string[],
  mode: 'shared' | 'exclusive',
): Promise<void> {
  if (userIds.length === 0) return;
  const lock = mode === 'shared' ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`;
  await sql`select ${lock}(hashtext(${workspaceId}), slot)
    from (
      select distinct hashtext(u) & ${userLockSlots - 1} as slot
      from unnest(${[...new Set(userIds)]}::text[]) u
      order by slot
    ) slots`.execute(db);
}

/**
 * Every user slot of the workspace, shared: a feature's history move (features.ts) takes them
 * for each month it moves, so a group call linking a user's earlier events (exclusive on its
 * slot) either commits before the month's statements read the events and rollups, or starts
 * after them and sees the events re-keyed. Track batches (shared too) are not held up. Slots
 * in sorted order, as lockUsers takes them.
 */
export async function lockEveryUser(db: Db, workspaceId: WorkspaceId): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(hashtext(${workspaceId}), slot)
    from (select slot from generate_series(0, ${userLockSlots - 1}) slot order by slot) slots`.execute(
    db,
  );
}

/**
 * One statement per batch of backfilled days (`users[i]` are the active users of
 * `records[i]`): upserts the day's counts where they differ and adds the active users.
 * Answers how many rollup rows are new, how many changed (counts or a user added), and the
 * accounts of those rows, in id order.
 */
export async function upsertDailyRollups(
  db: Db,
  workspaceId: WorkspaceId,
  records: readonly {
    accountId: string;
    day: string;
    featureKey: string;
    events: number;
    logins: number;
  }[],
  users: { userRow: number[]; userIds: string[] },
): Promise<{ created: number; updated: number; accounts: string[] }> {
  const { userRow, userIds } = users;
  const { rows } = await sql<{ created: number; updated: number; accounts: string[] }>`
    with input as (
      select * from unnest(
        ${records.map((r) => r.accountId)}::uuid[], ${records.map((r) => r.day)}::date[],
        ${records.map((r) => r.featureKey)}::text[], ${records.map((r) => r.events)}::int[],
        ${records.map((r) => r.logins)}::int[]
      ) with ordinality as t(account_id, day, feature_key, events, logins, n)
    ),
    daily as (
      insert into usage_daily (workspace_id, account_id, day, feature_key, events, logins)
      select ${workspaceId}, account_id, day, feature_key, events, logins from input
      order by account_id, day, feature_key
      on conflict (workspace_id, account_id, day, feature_key) do update
        set events = excluded.events, logins = excluded.logins
        where (usage_daily.events, usage_daily.logins)
          is distinct from (excluded.events, excluded.logins)
      returning account_id, day, feature_key, xmax = 0 as inserted
    ),
    active as (
      insert into usage_daily_users (workspace_id, account_id, day, feature_key, user_id)
      select distinct ${workspaceId}::uuid, input.account_id, input.day, input.feature_key, u.user_id
      from unnest(${userRow}::int[], ${userIds}::text[]) as u(n, user_id)
      join input using (n)
      order by 2, 3, 4, 5
      on conflict do nothing
      returning account_id, day, feature_key
    ),
    touched as (
      select account_id, day, feature_key from daily where not inserted
      union
      select account_id, day, feature_key from active
      except
      select account_id, day, feature_key from daily where inserted
    )
    select (select count(*) from daily where inserted)::int as created,
      (select count(*) from touched)::int as updated,
      array(select account_id from daily union select account_id from active
        order by 1) as accounts`.execute(db);
  const row = rows[0];
  return { created: row?.created ?? 0, updated: row?.updated ?? 0, accounts: row?.accounts ?? [] };
}

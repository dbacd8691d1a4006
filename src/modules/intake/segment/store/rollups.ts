// The daily rollups (usage_daily, usage_daily_users) as SQL steps shared by every statement
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
 * (account_id, day, feature_key, actor, is_login). Written in key order, so concurrent
 * batches lock rollup rows in the same order. One sort of the events serves both rollups:
 * the day's counts group it and its active users take it distinct, each in the order it
 * comes (two hash aggregates, each sorted again for the insert, took twice the CPU on a
 * year of events; bench/rollups.ts).
 */
export function rollupSteps(workspaceId: WorkspaceId) {
  return sql`sorted as materialized (
      select account_id, day, feature_key, actor, is_login
      from changed
      where account_id is not null
      order by account_id, day, feature_key, actor
    ),
    daily as (
      insert into usage_daily (workspace_id, account_id, day, feature_key, events, logins)
      select ${workspaceId}, account_id, day, feature_key, count(*), count(*) filter (where is_login)
      from sorted
      group by account_id, day, feature_key
      order by account_id, day, feature_key
      on conflict (workspace_id, account_id, day, feature_key) do update
        set events = usage_daily.events + excluded.events,
            logins = usage_daily.logins + excluded.logins
    ),
    active as (
      insert into usage_daily_users (workspace_id, account_id, day, feature_key, user_id)
      select distinct ${workspaceId}::uuid, account_id, day, feature_key, actor
      from sorted
      where actor is not null
      order by 2, 3, 4, 5
      on conflict do nothing
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

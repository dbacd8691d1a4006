// The usage rollups (usage_months, usage_month_users) as SQL steps shared by every statement
// that counts events: the batch insert, and the linking of events that came before their
// user's group call; and the backfill's upsert of whole days. Set-based: one statement per
// batch, whatever its size.
import { sql, type RawBuilder } from 'kysely';
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
    counted as (${countDays(workspaceId, sql`days`)}),
    active as (
      ${addActiveDays(
        workspaceId,
        sql`(select month, account_id, feature_key, actor as user_id,
          1 << (day_of_month - 1) as active_days
        from sorted where actor is not null)`,
      )}
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
 * Writes `days` — rows of (month, account_id, feature_key, day_of_month, events, logins), a day
 * once per key — into the month rows of counts, in key order: a day's counts add to those the
 * month holds (one day more in place or appended, migration 0035), or with 'restate', replace
 * them (a backfill restating a day).
 */
export function countDays(
  workspaceId: WorkspaceId,
  days: RawBuilder<unknown>,
  how: 'add' | 'restate' = 'add',
) {
  const merged =
    how === 'add'
      ? sql`days = usage_days_added(usage_months.days, excluded.days),
        events = usage_day_counts_added(usage_months.days, usage_months.events, excluded.days, excluded.events),
        logins = usage_day_counts_added(usage_months.days, usage_months.logins, excluded.days, excluded.logins)`
      : sql`days = usage_days_merged(usage_months.days, excluded.days),
        events = usage_day_counts_merged(usage_months.days, usage_months.events, excluded.days, excluded.events, true),
        logins = usage_day_counts_merged(usage_months.days, usage_months.logins, excluded.days, excluded.logins, true)`;
  return sql`insert into usage_months (workspace_id, month, account_id, feature_key, days, events, logins)
    select ${workspaceId}, month, account_id, feature_key,
      array_agg(day_of_month order by day_of_month), array_agg(events order by day_of_month),
      array_agg(logins order by day_of_month)
    from ${days} d
    group by month, account_id, feature_key
    order by month, account_id, feature_key
    on conflict (workspace_id, month, account_id, feature_key) do update set ${merged}`;
}

/**
 * Writes `users` — rows of (month, account_id, feature_key, user_id, active_days) — into who was
 * active, in key order: a person's days add to those the month holds; a row whose days are all
 * there already is left as it is.
 */
export function addActiveDays(workspaceId: WorkspaceId, users: RawBuilder<unknown>) {
  return sql`insert into usage_month_users (workspace_id, month, account_id, feature_key, user_id, active_days)
    select ${workspaceId}::uuid, month, account_id, feature_key, user_id, bit_or(active_days)
    from ${users} u
    group by month, account_id, feature_key, user_id
    order by month, account_id, feature_key, user_id
    on conflict (workspace_id, month, account_id, feature_key, user_id) do update
      set active_days = usage_month_users.active_days | excluded.active_days
      where usage_month_users.active_days | excluded.active_days <> usage_month_users.active_days`;
}

/**
 * One statement per batch of backfilled days (`users[i]` are the active users of
 * `records[i]`, each day once in a batch): a day's counts replace those its month row holds,
 * its active users are added. Answers how many days are new, how many changed (counts or a
 * user added), and the accounts of those days, in id order — set against the rows as they
 * were before the statement, which its reads see.
 */
export async function upsertUsageDays(
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
      select n, date_trunc('month', day::timestamp)::date as month, account_id, feature_key,
        date_part('day', day)::smallint as day_of_month, events, logins
      from unnest(
        ${records.map((r) => r.accountId)}::uuid[], ${records.map((r) => r.day)}::date[],
        ${records.map((r) => r.featureKey)}::text[], ${records.map((r) => r.events)}::int[],
        ${records.map((r) => r.logins)}::int[]
      ) with ordinality as t(account_id, day, feature_key, events, logins, n)
    ),
    active_users as (
      select i.n, i.month, i.account_id, i.feature_key, i.day_of_month, u.user_id
      from unnest(${userRow}::int[], ${userIds}::text[]) as u(n, user_id)
      join input i using (n)
    ),
    held as (
      select i.n, d.events, d.logins
      from input i
      join usage_months m on m.workspace_id = ${workspaceId} and m.month = i.month
        and m.account_id = i.account_id and m.feature_key = i.feature_key
      cross join lateral unnest(m.days, m.events, m.logins) d(day_of_month, events, logins)
      where d.day_of_month = i.day_of_month
    ),
    counted as (${countDays(workspaceId, sql`input`, 'restate')}),
    active as (
      ${addActiveDays(
        workspaceId,
        sql`(select month, account_id, feature_key, user_id, 1 << (day_of_month - 1) as active_days
        from active_users)`,
      )}
    ),
    outcome as (
      select i.n, i.account_id, h.n is null as created,
        (h.events, h.logins) is distinct from (i.events, i.logins)
          or exists (
            select 1 from active_users a
            where a.n = i.n and not exists (
              select 1 from usage_month_users u
              where u.workspace_id = ${workspaceId} and u.month = a.month
                and u.account_id = a.account_id and u.feature_key = a.feature_key
                and u.user_id = a.user_id and u.active_days & (1 << (a.day_of_month - 1)) <> 0
            )
          ) as changed
      from input i
      left join held h using (n)
    )
    select count(*) filter (where created)::int as created,
      count(*) filter (where changed and not created)::int as updated,
      array(select distinct account_id from outcome where created or changed order by 1) as accounts
    from outcome`.execute(db);
  const row = rows[0];
  return { created: row?.created ?? 0, updated: row?.updated ?? 0, accounts: row?.accounts ?? [] };
}

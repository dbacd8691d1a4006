// SQL for moving the kept history to a feature just defined: the raw events its names claim,
// and the month rollups keyed by those names (usage_months, usage_month_users: migration
// 0035). Set-based: one statement per table, whatever the workspace's size, with the names
// (and their keys) given as arrays.
import { sql } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { WorkspaceId } from '../../../../lib/ids.ts';
import { addActiveDays, changedColumns, countDays, rollupSteps } from './rollups.ts';

/**
 * The workspace's catalog lock. Every intake batch takes it shared (in its own statement just
 * before reading the catalog, so the read's snapshot sees a definition that made it wait); a
 * definition takes it exclusive. So no batch keyed by the catalog before a definition commits
 * after it, and writes under an old key once the definition's history move has begun.
 */
export async function lockCatalog(
  db: Db,
  workspaceId: WorkspaceId,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  const lock = mode === 'shared' ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`;
  await sql`select ${lock}(hashtextextended(${`usage_features:${workspaceId}`}, 0))`.execute(db);
}

/** Days as `YYYY-MM-DD`, from (inclusive) to (exclusive). */
export type DayRange = { from: string; to: string };

/** The raw events' condition for falling on the days of `range` (UTC). */
function occurredIn(range: DayRange) {
  return sql`occurred_at >= ${range.from}::date::timestamp at time zone 'UTC'
    and occurred_at < ${range.to}::date::timestamp at time zone 'UTC'`;
}

/** The first day of the month `day` falls in. */
function monthOf(day: string) {
  return sql`date_trunc('month', ${day}::timestamp)::date`;
}

/** How many events, and the first and last day they fall on. */
type Span = { events: number; first: string; last: string };

/** An event name of the kept raw events and the feature key it counts under. */
export type EventKey = Span & { event: string; featureKey: string };

/**
 * A feature key of the rollups (a feature's key, or an unclaimed event's name); `rows` counts
 * its days of an account (a month row holds several).
 */
export type RollupKey = Span & { featureKey: string; rows: number };

/**
 * Whether the workspace keeps any usage at all, raw events or rollups: two index probes, cheap
 * enough for the request that defines a feature (what its names claim is read by the job).
 */
export async function keepsUsage(db: Db, workspaceId: WorkspaceId): Promise<boolean> {
  const { rows } = await sql<{ kept: boolean }>`
    select exists (select 1 from usage_events where workspace_id = ${workspaceId})
      or exists (select 1 from usage_months where workspace_id = ${workspaceId}) as kept`.execute(
    db,
  );
  return rows[0]?.kept ?? false;
}

/**
 * Every account with rollups in the workspace: whose health measures the catalog's features
 * (breadth, value users). The rollups' key puts the month before the account, so no probe per
 * account finds them: one pass over the workspace's month rows, a fraction of its day rows.
 */
export async function accountsWithUsage(db: Db, workspaceId: WorkspaceId): Promise<string[]> {
  const { rows } = await sql<{ account_id: string }>`
    select distinct account_id from usage_months where workspace_id = ${workspaceId}`.execute(db);
  return rows.map((r) => r.account_id);
}

/**
 * Each distinct event name of the kept raw events with the feature key it counts under, how
 * many events and the first and last day they fall on.
 */
export async function eventKeys(db: Db, workspaceId: WorkspaceId): Promise<EventKey[]> {
  const { rows } = await sql<EventKey>`
    select event, feature_key as "featureKey", count(*)::int as events,
      min((occurred_at at time zone 'UTC')::date)::text as first,
      max((occurred_at at time zone 'UTC')::date)::text as last
    from usage_events
    where workspace_id = ${workspaceId}
    group by event, feature_key`.execute(db);
  return rows;
}

/**
 * Every feature key the rollups count under (feature keys and unclaimed event names), with
 * its days of an account, the events they count and the first and last day.
 */
export async function rollupKeys(db: Db, workspaceId: WorkspaceId): Promise<RollupKey[]> {
  const { rows } = await sql<RollupKey>`
    select m.feature_key as "featureKey", count(*)::int as rows, sum(d.events)::int as events,
      min(m.month + d.day_of_month - 1)::text as first,
      max(m.month + d.day_of_month - 1)::text as last
    from usage_months m, unnest(m.days, m.events) d(day_of_month, events)
    where m.workspace_id = ${workspaceId}
    group by m.feature_key`.execute(db);
  return rows;
}

/**
 * Re-keys the raw events of these (event, old key) pairs that fall on the days of `range` to
 * `toKey`; answers how many.
 */
export async function moveEvents(
  db: Db,
  workspaceId: WorkspaceId,
  moves: { names: readonly string[]; fromKeys: readonly string[] },
  toKey: string,
  range: DayRange,
): Promise<number> {
  if (moves.names.length === 0) return 0;
  const result = await sql`
    update usage_events e set feature_key = ${toKey}
    from unnest(${moves.names}::text[], ${moves.fromKeys}::text[]) as m(event, feature_key)
    where e.workspace_id = ${workspaceId} and e.event = m.event
      and e.feature_key = m.feature_key
      and ${occurredIn(range)}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** How many moved, and the accounts whose rollups changed (for health's rescore). */
export type Moved = { count: number; accountIds: string[] };

/**
 * Re-keys to `toKey` the raw events of `range` that another feature counted (each event name
 * with that feature's key) and moves their share of its rollups: the new feature's rows are
 * counted from the moved events (the rollup steps intake runs), the same counts are taken off
 * the old feature's days (a day left with no events goes, and a month row left with no day),
 * and a person who did only moved events on a day loses that day among the old feature's
 * active days (and the row, with no day left). Rollups without raw events (a backfill, or days
 * past retention) count several names at once and stay as they are.
 * One statement, whose parts all read the events as they were before it, then one that drops
 * the rows it left without a day; the caller holds every user's lock (lockEveryUser), so no
 * group call links events meanwhile. Answers how many events moved and the accounts they
 * count for.
 */
export async function moveClaimedEvents(
  db: Db,
  workspaceId: WorkspaceId,
  moves: { names: readonly string[]; fromKeys: readonly string[] },
  toKey: string,
  range: DayRange,
): Promise<Moved> {
  if (moves.names.length === 0) return { count: 0, accountIds: [] };
  const inRange = occurredIn(range);
  const { rows } = await sql<{ moved: number; accounts: string[] }>`
    with changed as (
      update usage_events e set feature_key = ${toKey}
      from unnest(${moves.names}::text[], ${moves.fromKeys}::text[]) as m(name, from_key)
      where e.workspace_id = ${workspaceId} and e.event = m.name and e.feature_key = m.from_key
        and ${inRange}
      returning ${changedColumns()}, m.from_key
    ),
    ${rollupSteps(workspaceId)},
    taken as (
      select month, account_id, from_key, array_agg(day_of_month) as days,
        array_agg(events) as events, array_agg(logins) as logins
      from (
        select date_trunc('month', day::timestamp)::date as month, account_id, from_key,
          date_part('day', day)::smallint as day_of_month, count(*)::int as events,
          (count(*) filter (where is_login))::int as logins
        from changed
        where account_id is not null
        group by 1, 2, 3, 4
      ) t
      group by month, account_id, from_key
    ),
    lessened as (
      update usage_months m set (days, events, logins) = (
        select coalesce(array_agg(r.day_of_month order by r.n), '{}'),
          coalesce(array_agg(r.events order by r.n), '{}'),
          coalesce(array_agg(r.logins order by r.n), '{}')
        from (
          select d.n, d.day_of_month, d.events - coalesce(x.events, 0) as events,
            greatest(d.logins - coalesce(x.logins, 0), 0) as logins
          from unnest(m.days, m.events, m.logins) with ordinality d(day_of_month, events, logins, n)
          left join unnest(t.days, t.events, t.logins) x(day_of_month, events, logins)
            on x.day_of_month = d.day_of_month
        ) r
        where r.events > 0
      )
      from taken t
      where m.workspace_id = ${workspaceId} and m.month = t.month and m.account_id = t.account_id
        and m.feature_key = t.from_key
    ),
    inactive as (
      select date_trunc('month', i.day::timestamp)::date as month, i.account_id, i.from_key,
        i.actor, bit_or(1 << (date_part('day', i.day)::int - 1)) as days
      from (
        select account_id, day, from_key, actor from changed
        where account_id is not null and actor is not null
        except
        select account_id, (occurred_at at time zone 'UTC')::date, feature_key,
          coalesce(user_id, anonymous_id)
        from usage_events
        where workspace_id = ${workspaceId} and ${inRange}
          and feature_key = any(${moves.fromKeys}::text[])
          and (event, feature_key) not in (
            select * from unnest(${moves.names}::text[], ${moves.fromKeys}::text[])
          )
      ) i
      group by 1, 2, 3, 4
    ),
    left_days as (
      update usage_month_users u set active_days = u.active_days & ~i.days
      from inactive i
      where u.workspace_id = ${workspaceId} and u.month = i.month and u.account_id = i.account_id
        and u.feature_key = i.from_key and u.user_id = i.actor and u.active_days & i.days <> 0
    )
    select count(*)::int as moved,
      coalesce(array_agg(distinct account_id::text) filter (where account_id is not null), '{}')
        as accounts
    from changed`.execute(db);
  // Then the month rows and people left with no day go. Apart, as the statement above takes
  // the days off whatever the row holds when it gets to it (an intake batch may add a day to
  // the old feature's current month meanwhile), where deciding there would use its snapshot.
  const months = sql`workspace_id = ${workspaceId} and month >= ${monthOf(range.from)}
    and month < ${range.to}::date and feature_key = any(${moves.fromKeys}::text[])`;
  await sql`
    with emptied as (delete from usage_months where ${months} and cardinality(days) = 0)
    delete from usage_month_users where ${months} and active_days = 0`.execute(db);
  return { count: rows[0]?.moved ?? 0, accountIds: rows[0]?.accounts ?? [] };
}

/**
 * Adds the rollups of `range` under `fromKeys` into `toKey`'s of the same account and month
 * (each day's counts summed, active days merged), then deletes them. `range` is whole months
 * (from a month's first day to a later month's first), as a row holds a month. Every row under
 * such a key counts one event name only, whether the events came through intake or a
 * backfill, so no recount is needed. New rows are written in key order, as intake writes them
 * (store/rollups.ts). Answers the days of an account moved (a day under two keys twice), the
 * events they counted and their accounts.
 */
export async function moveRollups(
  db: Db,
  workspaceId: WorkspaceId,
  fromKeys: readonly string[],
  toKey: string,
  range: DayRange,
): Promise<{ rows: number; events: number; accountIds: string[] }> {
  if (fromKeys.length === 0) return { rows: 0, events: 0, accountIds: [] };
  const { rows } = await sql<{ rows: number; events: number; accounts: string[] }>`
    with gone as (
      delete from usage_months
      where workspace_id = ${workspaceId} and month >= ${range.from}::date
        and month < ${range.to}::date and feature_key = any(${fromKeys}::text[])
      returning month, account_id, days, events, logins
    ),
    gone_days as (
      select g.month, g.account_id, ${toKey}::text as feature_key, d.day_of_month,
        sum(d.events)::int as events, sum(d.logins)::int as logins, count(*)::int as rows
      from gone g, unnest(g.days, g.events, g.logins) d(day_of_month, events, logins)
      group by g.month, g.account_id, d.day_of_month
    ),
    added as (${countDays(workspaceId, sql`gone_days`)}),
    gone_users as (
      delete from usage_month_users
      where workspace_id = ${workspaceId} and month >= ${range.from}::date
        and month < ${range.to}::date and feature_key = any(${fromKeys}::text[])
      returning month, account_id, user_id, active_days
    ),
    added_users as (
      ${addActiveDays(
        workspaceId,
        sql`(select month, account_id, ${toKey}::text as feature_key, user_id, active_days
        from gone_users)`,
      )}
    )
    select coalesce(sum(rows), 0)::int as rows, coalesce(sum(events), 0)::int as events,
      coalesce(array_agg(distinct account_id::text), '{}') as accounts
    from gone_days`.execute(db);
  const row = rows[0];
  return { rows: row?.rows ?? 0, events: row?.events ?? 0, accountIds: row?.accounts ?? [] };
}

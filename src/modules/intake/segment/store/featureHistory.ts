// SQL for moving the kept history to a feature just defined: the raw events its names claim,
// and the daily rollups keyed by those names. Set-based: one statement per table, whatever
// the workspace's size, with the names (and their keys) given as arrays.
import { sql } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { WorkspaceId } from '../../../../lib/ids.ts';
import { changedColumns, rollupSteps } from './rollups.ts';

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

/** How many events, and the first and last day they fall on. */
type Span = { events: number; first: string; last: string };

/** An event name of the kept raw events and the feature key it counts under. */
export type EventKey = Span & { event: string; featureKey: string };

/** A feature key of the daily rollups (a feature's key, or an unclaimed event's name). */
export type RollupKey = Span & { featureKey: string; rows: number };

/**
 * Whether the workspace keeps any usage at all, raw events or rollups: two index probes, cheap
 * enough for the request that defines a feature (what its names claim is read by the job).
 */
export async function keepsUsage(db: Db, workspaceId: WorkspaceId): Promise<boolean> {
  const { rows } = await sql<{ kept: boolean }>`
    select exists (select 1 from usage_events where workspace_id = ${workspaceId})
      or exists (select 1 from usage_daily where workspace_id = ${workspaceId}) as kept`.execute(
    db,
  );
  return rows[0]?.kept ?? false;
}

/**
 * Every account with daily rollups in the workspace: whose health measures the catalog's
 * features (breadth, value users). One index probe per account on the rollups' key, not a
 * read of every row.
 */
export async function accountsWithUsage(db: Db, workspaceId: WorkspaceId): Promise<string[]> {
  const { rows } = await sql<{ account_id: string }>`
    with recursive seen as (
      (select account_id from usage_daily where workspace_id = ${workspaceId}
        order by account_id limit 1)
      union all
      select (
        select d.account_id from usage_daily d
        where d.workspace_id = ${workspaceId} and d.account_id > seen.account_id
        order by d.account_id limit 1
      )
      from seen where seen.account_id is not null
    )
    select account_id from seen where account_id is not null`.execute(db);
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
 * Every feature key the daily rollups count under (feature keys and unclaimed event names),
 * with its rows, the events they count and the first and last day.
 */
export async function rollupKeys(db: Db, workspaceId: WorkspaceId): Promise<RollupKey[]> {
  const { rows } = await sql<RollupKey>`
    select feature_key as "featureKey", count(*)::int as rows, sum(events)::int as events,
      min(day)::text as first, max(day)::text as last
    from usage_daily
    where workspace_id = ${workspaceId}
    group by feature_key`.execute(db);
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
 * the old feature's rows (a row left with no events goes), and a person who did only moved
 * events that day leaves the old feature's active users. Rollup rows without raw events (a
 * backfill, or days past retention) count several names at once and stay as they are.
 * One statement, whose parts all read the events as they were before it; the caller holds
 * every user's lock (lockEveryUser), so no group call links events meanwhile. Answers how many
 * events moved and the accounts they count for.
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
      select t.account_id, t.day, t.from_key, t.events, t.logins, d.events - t.events as left_over
      from (
        select account_id, day, from_key, count(*)::int as events,
          (count(*) filter (where is_login))::int as logins
        from changed
        where account_id is not null
        group by account_id, day, from_key
      ) t
      join usage_daily d on d.workspace_id = ${workspaceId} and d.account_id = t.account_id
        and d.day = t.day and d.feature_key = t.from_key
    ),
    lessened as (
      update usage_daily d set events = d.events - t.events,
        logins = greatest(d.logins - t.logins, 0)
      from taken t
      where d.workspace_id = ${workspaceId} and d.account_id = t.account_id and d.day = t.day
        and d.feature_key = t.from_key and t.left_over > 0
    ),
    emptied as (
      delete from usage_daily d using taken t
      where d.workspace_id = ${workspaceId} and d.account_id = t.account_id and d.day = t.day
        and d.feature_key = t.from_key and t.left_over <= 0
    ),
    inactive as (
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
    ),
    left_users as (
      delete from usage_daily_users u using inactive i
      where u.workspace_id = ${workspaceId} and u.account_id = i.account_id and u.day = i.day
        and u.feature_key = i.from_key and u.user_id = i.actor
    )
    select count(*)::int as moved,
      coalesce(array_agg(distinct account_id::text) filter (where account_id is not null), '{}')
        as accounts
    from changed`.execute(db);
  return { count: rows[0]?.moved ?? 0, accountIds: rows[0]?.accounts ?? [] };
}

/**
 * Adds the rollup rows of `range` under `fromKeys` into `toKey`'s rows of the same account and
 * day (counts summed, active users merged), then deletes them. Every row under such a key
 * counts one event name only, whether the events came through intake or a backfill, so no
 * recount is needed. New rows are written in key order, as intake writes them
 * (store/rollups.ts). Answers the rollup rows moved, the events they counted and their
 * accounts.
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
      delete from usage_daily
      where workspace_id = ${workspaceId} and feature_key = any(${fromKeys}::text[])
        and day >= ${range.from}::date and day < ${range.to}::date
      returning account_id, day, events, logins
    ),
    added as (
      insert into usage_daily (workspace_id, account_id, day, feature_key, events, logins)
      select ${workspaceId}, account_id, day, ${toKey}, sum(events)::int, sum(logins)::int
      from gone
      group by account_id, day
      order by account_id, day
      on conflict (workspace_id, account_id, day, feature_key) do update
        set events = usage_daily.events + excluded.events,
            logins = usage_daily.logins + excluded.logins
    ),
    gone_users as (
      delete from usage_daily_users
      where workspace_id = ${workspaceId} and feature_key = any(${fromKeys}::text[])
        and day >= ${range.from}::date and day < ${range.to}::date
      returning account_id, day, user_id
    ),
    added_users as (
      insert into usage_daily_users (workspace_id, account_id, day, feature_key, user_id)
      select distinct ${workspaceId}::uuid, account_id, day, ${toKey}, user_id
      from gone_users
      order by 2, 3, 5
      on conflict do nothing
    )
    select count(*)::int as rows, coalesce(sum(events), 0)::int as events,
      coalesce(array_agg(distinct account_id::text), '{}') as accounts
    from gone`.execute(db);
  const row = rows[0];
  return { rows: row?.rows ?? 0, events: row?.events ?? 0, accountIds: row?.accounts ?? [] };
}

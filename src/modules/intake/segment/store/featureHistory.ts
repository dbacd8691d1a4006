// SQL for moving the kept history to a feature just defined: the raw events its names claim,
// and the daily rollups keyed by those names. Set-based: one statement per table, whatever
// the workspace's size, with the names (and their keys) given as arrays.
import { sql } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { WorkspaceId } from '../../../../lib/ids.ts';

/**
 * The workspace's catalog lock. Every intake batch takes it shared (separately from, and just
 * before, reading the catalog, so its next statement's snapshot sees a definition that made
 * it wait); a definition takes it exclusive. So no batch keyed by the catalog before a
 * definition writes events or rollups under an old key after that definition moved them.
 */
export async function lockCatalog(
  db: Db,
  workspaceId: WorkspaceId,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  const lock = mode === 'shared' ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`;
  await sql`select ${lock}(hashtextextended(${`usage_features:${workspaceId}`}, 0))`.execute(db);
}

/** Each distinct event name of the kept raw events with the feature key it counts under. */
export async function eventKeys(
  db: Db,
  workspaceId: WorkspaceId,
): Promise<{ event: string; featureKey: string }[]> {
  const { rows } = await sql<{ event: string; featureKey: string }>`
    select event, feature_key as "featureKey" from usage_events
    where workspace_id = ${workspaceId}
    group by event, feature_key`.execute(db);
  return rows;
}

/** Every feature key the daily rollups count under (feature keys and unclaimed event names). */
export async function rollupKeys(db: Db, workspaceId: WorkspaceId): Promise<string[]> {
  const { rows } = await sql<{ featureKey: string }>`
    select distinct feature_key as "featureKey" from usage_daily
    where workspace_id = ${workspaceId}`.execute(db);
  return rows.map((r) => r.featureKey);
}

/** Re-keys the raw events of these (event, old key) pairs to `toKey`; answers how many. */
export async function moveEvents(
  db: Db,
  workspaceId: WorkspaceId,
  moves: { names: string[]; fromKeys: string[] },
  toKey: string,
): Promise<number> {
  if (moves.names.length === 0) return 0;
  const result = await sql`
    update usage_events e set feature_key = ${toKey}
    from unnest(${moves.names}::text[], ${moves.fromKeys}::text[]) as m(event, feature_key)
    where e.workspace_id = ${workspaceId} and e.event = m.event
      and e.feature_key = m.feature_key`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Adds the rollup rows under `fromKeys` into `toKey`'s rows of the same account and day
 * (counts summed, active users merged), then deletes them. Every row under such a key counts
 * one event name only, whether the events came through intake or a backfill, so no recount is
 * needed. Answers the rollup rows moved and the events they counted.
 */
export async function moveRollups(
  db: Db,
  workspaceId: WorkspaceId,
  fromKeys: readonly string[],
  toKey: string,
): Promise<{ rows: number; events: number }> {
  if (fromKeys.length === 0) return { rows: 0, events: 0 };
  const { rows } = await sql<{ rows: number; events: number }>`
    with gone as (
      delete from usage_daily
      where workspace_id = ${workspaceId} and feature_key = any(${fromKeys}::text[])
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
      returning account_id, day, user_id
    ),
    added_users as (
      insert into usage_daily_users (workspace_id, account_id, day, feature_key, user_id)
      select distinct ${workspaceId}::uuid, account_id, day, ${toKey}, user_id
      from gone_users
      order by 2, 3, 5
      on conflict do nothing
    )
    select count(*)::int as rows, coalesce(sum(events), 0)::int as events from gone`.execute(db);
  return { rows: rows[0]?.rows ?? 0, events: rows[0]?.events ?? 0 };
}

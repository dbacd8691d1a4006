// Historical usage from a CSV file (intake/import, entity `usage`): one row per account,
// feature and day with its event count, logins and active users, written straight into the
// daily rollups the rest of Steward reads. Raw events are not made up: a backfill is history
// from before Steward listened, and rollups outlive raw events anyway.
//
// The file's counts replace the day's counts (so a re-run changes nothing); its active
// users are added to those the day has.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { WriteCounts } from '../../accounts/index.ts';
import { featureCatalog, featureMapper } from './features.ts';

/** One account's use of one feature on one day. */
export type UsageDay = {
  accountId: string;
  day: string;
  featureKey: string;
  events: number;
  logins: number;
  /** Active users' ids (Segment's userId). */
  users: string[];
};

/** A feature key names itself; any other name is an event, counted under its feature. */
export async function backfillFeatureOf(
  db: Db,
  workspaceId: WorkspaceId,
): Promise<(name: string) => string> {
  const catalog = await featureCatalog(db, workspaceId);
  const keys = new Set(catalog.map((f) => f.key));
  const eventFeature = featureMapper(catalog);
  return (name) => (keys.has(name) ? name : eventFeature(name));
}

/**
 * One statement per batch: upserts the day's counts where they differ and adds the active
 * users; a record is `created` when its rollup row is new, `updated` when the counts changed
 * or a user was added, else `unchanged`.
 */
export async function upsertUsageRollups(
  db: Db,
  workspaceId: WorkspaceId,
  records: readonly UsageDay[],
): Promise<WriteCounts> {
  if (records.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const userRow: number[] = [];
  const userIds: string[] = [];
  records.forEach((r, i) => {
    for (const user of r.users) {
      userRow.push(i + 1);
      userIds.push(user);
    }
  });
  const { rows } = await sql<{ created: number; updated: number }>`
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
      (select count(*) from touched)::int as updated`.execute(db);
  const created = rows[0]?.created ?? 0;
  const updated = rows[0]?.updated ?? 0;
  return { created, updated, unchanged: records.length - created - updated };
}

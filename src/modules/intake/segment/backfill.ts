// Historical usage from a CSV file (intake/import, entity `usage`): one row per account,
// feature and day with its event count, logins and active users, written straight into the
// daily rollups the rest of Steward reads. Raw events are not made up: a backfill is history
// from before Steward listened, and rollups outlive raw events anyway.
//
// The file's counts replace the day's counts (so a re-run changes nothing); its active
// users are added to those the day has.
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { WriteCounts } from '../../accounts/index.ts';
import { featureCatalog, featureMapper } from './features.ts';
import { upsertDailyRollups } from './store/rollups.ts';

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
 * One statement per batch (store/rollups.ts): a record is `created` when its rollup row is
 * new, `updated` when the counts changed or a user was added, else `unchanged`.
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
  const { created, updated } = await upsertDailyRollups(db, workspaceId, records, {
    userRow,
    userIds,
  });
  return { created, updated, unchanged: records.length - created - updated };
}

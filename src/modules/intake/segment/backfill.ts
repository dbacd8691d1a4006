// Historical usage from a CSV file (intake/import, entity `usage`): one row per account,
// feature and day with its event count, logins and active users, written straight into the
// usage rollups the rest of Steward reads. Raw events are not made up: a backfill is history
// from before Steward listened, and rollups outlive raw events anyway.
//
// The file's counts replace the day's counts (so a re-run changes nothing); its active
// users are added to those the day has. The accounts whose rollups a batch created or changed
// come back to the caller, who announces them as changed (accounts' changed set, which health
// drains to rescore) once its transaction has written its last batch: see
// ../import/usageBatches.ts for why once, and not batch by batch.
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { WriteCounts } from '../../accounts/index.ts';
import { featureCatalog, featureMapper } from './features.ts';
import { upsertUsageDays } from './store/rollups.ts';

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

/** A batch's counts, and the accounts whose rollups it created or changed (in id order). */
export type BackfillOutcome = WriteCounts & { accounts: string[] };

/**
 * One statement per batch (store/rollups.ts): a record is `created` when its day is new to the
 * rollups, `updated` when the counts changed or a user was added, else `unchanged`; an account
 * with only unchanged records is not among `accounts`.
 */
export async function upsertUsageRollups(
  db: Db,
  workspaceId: WorkspaceId,
  records: readonly UsageDay[],
): Promise<BackfillOutcome> {
  if (records.length === 0) return { created: 0, updated: 0, unchanged: 0, accounts: [] };
  const userRow: number[] = [];
  const userIds: string[] = [];
  records.forEach((r, i) => {
    for (const user of r.users) {
      userRow.push(i + 1);
      userIds.push(user);
    }
  });
  const { created, updated, accounts } = await upsertUsageDays(db, workspaceId, records, {
    userRow,
    userIds,
  });
  return { created, updated, unchanged: records.length - created - updated, accounts };
}

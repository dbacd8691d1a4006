// Counting days of usage again from the raw events, as after a change to how events count (a
// catalog entry, a login pattern) or a repair: the days' rollups are replaced whole, while the
// workspace's intake waits (every user slot held), so no batch is counted twice or lost.
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { lockAllUsers, recountDailyRollups } from './store/rollups.ts';

/** Days as `YYYY-MM-DD` (UTC), both included. Answers the rollup rows written. */
export async function recountUsageRollups(
  db: Db,
  workspaceId: WorkspaceId,
  days: { from: string; to: string },
): Promise<{ daily: number; users: number }> {
  return db.transaction().execute(async (trx) => {
    await lockAllUsers(trx, workspaceId);
    return recountDailyRollups(trx, workspaceId, days.from, days.to);
  });
}

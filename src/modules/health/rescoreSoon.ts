// Asks for accounts' health to be rescored after their data changed. A leaf file (it imports no
// module) so the modules health reads from can call it without an import cycle. Coalesced per
// account by the job key: events arriving while a rescore waits add nothing, and preserving the
// waiting job's run time keeps a steady stream of them from pushing the rescore back, so a new
// event shows in the score within the worker's poll interval plus the rescore itself. One
// `add_jobs` call for all the accounts: `add_job` per account scans earlier jobs each time.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

export async function rescoreSoon(
  db: Db,
  workspaceId: string,
  accountIds: string | readonly string[],
): Promise<void> {
  const ids = typeof accountIds === 'string' ? [accountIds] : [...new Set(accountIds)];
  if (ids.length === 0) return;
  await sql`
    select graphile_worker.add_jobs(array_agg(row(
      'account__rescore',
      json_build_object('workspaceId', ${workspaceId}::text, 'accountId', id::text),
      null, null, 5::smallint, 'account__rescore:' || id, null, null
    )::graphile_worker.job_spec), true)
    from unnest(${ids}::uuid[]) as id`.execute(db);
}

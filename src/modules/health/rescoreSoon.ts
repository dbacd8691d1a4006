// Asks for accounts' health to be rescored after their data changed. A leaf file (it imports no
// module) so the modules health reads from can call it without an import cycle.
//
// One waiting job per workspace, a graphile-worker batch job: its payload is a list of accounts,
// and each new request appends to it (arrays merge under the same job key) until a worker takes
// it and rescores them all in one set-based pass. A job per account would queue thousands of
// tiny rescores behind each other under a stream of usage, and an event's score would wait for
// all of them; batched, it waits at most for the batch before it. The waiting job's run time is
// kept, so a steady stream never pushes it back.
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
    select graphile_worker.add_jobs(array[row(
      'account__rescore',
      (select json_agg(json_build_object('workspaceId', ${workspaceId}::text, 'accountId', id))
        from unnest(${ids}::text[]) as id),
      null, null, 5::smallint, 'account__rescore:' || ${workspaceId}::text, null, null
    )::graphile_worker.job_spec], true)`.execute(db);
}

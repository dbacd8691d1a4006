// Asks for an account's health to be rescored after its data changed. A leaf file (it imports
// only the job registry) so the modules health reads from can call it without an import cycle.
// Coalesced per account by the job key: events arriving while a rescore waits add nothing, and
// `preserve_run_at` keeps a steady stream of them from pushing the rescore back, so a new event
// shows in the score within the worker's poll interval plus the rescore itself.
import type { Db } from '../../db/connect.ts';
import { enqueue } from '../../jobs/registry.ts';

export async function rescoreSoon(
  db: Db,
  workspaceId: string,
  accountIds: string | readonly string[],
): Promise<void> {
  const ids = typeof accountIds === 'string' ? [accountIds] : [...new Set(accountIds)];
  for (const accountId of ids) {
    await enqueue(
      db,
      'account__rescore',
      { workspaceId, accountId },
      { jobKey: `account__rescore:${accountId}`, jobKeyMode: 'preserve_run_at' },
    );
  }
}

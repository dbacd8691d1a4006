// "This account's data changed": announced by whoever changed it (intake, the timeline), taken
// by whoever derives figures from it. Health subscribes to `accounts__changed` and rescores the
// accounts it takes (health/jobs.ts); accounts knows nothing of health.
//
// The announcement is a set, `account_changes`, one row per account: an insert that does
// nothing when the account is already in it, so however many batches of usage arrive, the set
// holds each account once and is bounded by the number of accounts, worker or none. A change
// that adds a row also queues one wake-up job per workspace (job key, `preserve_run_at`, due
// `settleSeconds` later): a stream of changes makes one waiting job, never a growing payload,
// and the changes that arrive while it waits are scored in the same pass. Most changes add no
// row (their account is already in the set) and so touch no job at all.
//
// Chosen over a short recurring drain, which scores nothing sooner than its period and runs
// (and polls every workspace) when nothing changed. Chosen over the batch job this replaces,
// whose payload every intake batch appended to under one job key: concurrent intake
// transactions queued on that row and intake fell to ~1,000 events/s (bench/intake.ts has
// today's figures, with and without a worker). The wake-up job's row is still written under a
// lock, but only by a change that adds a row, and intake announces after its transaction
// commits (segment/ingest.ts), so that lock lasts one statement, not a whole intake batch.
//
// Taking is a delete of rows nobody holds: a change being announced inside a transaction
// holds its account's row (`for key share`) until it commits, so no drain can take the
// account and score it without that change; the drain skips such rows and comes back.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { enqueue } from '../../jobs/registry.ts';
import type { AccountId } from '../../lib/ids.ts';
import { addOrHold, anyChanges, takeChanges } from './changes/store.ts';

export const accountsChangedPayload = z.object({ workspaceId: z.uuid() });

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      /** Some of the workspace's accounts changed: take them with `takeChangedAccounts`. */
      accounts__changed: z.infer<typeof accountsChangedPayload>;
    }
  }
}

/** A wake-up waits this long, so the changes arriving meanwhile are taken in one pass. */
const settleSeconds = 1;

const wakeUp = (db: Db, workspaceId: string) =>
  enqueue(
    db,
    'accounts__changed',
    { workspaceId },
    {
      jobKey: `accounts__changed:${workspaceId}`,
      jobKeyMode: 'preserve_run_at',
      runInSeconds: settleSeconds,
    },
  );

/**
 * Announces that these accounts' data changed, in the caller's transaction (or on its own).
 * Answers how many accounts joined the set (the rest were in it already).
 */
export async function markAccountsChanged(
  db: Db,
  workspaceId: string,
  accountIds: string | readonly string[],
): Promise<number> {
  let pending = typeof accountIds === 'string' ? [accountIds] : [...new Set(accountIds)];
  let added = 0;
  // A second pass only for accounts another transaction added during the first statement.
  for (let pass = 0; pending.length > 0; pass++) {
    if (pass === 5) throw new Error('accounts kept joining and leaving the changed set');
    const outcome = await addOrHold(db, workspaceId, pending);
    added += outcome.added;
    pending = outcome.missed;
  }
  if (added > 0) await wakeUp(db, workspaceId);
  return added;
}

/**
 * Takes up to `limit` changed accounts of the workspace out of the set, for the subscriber to
 * recompute. Accounts whose change is still being committed stay, with a wake-up to come back.
 */
export async function takeChangedAccounts(
  db: Db,
  workspaceId: string,
  limit: number,
): Promise<AccountId[]> {
  const taken = await takeChanges(db, workspaceId, limit);
  if (taken.length < limit && (await anyChanges(db, workspaceId))) {
    await wakeUp(db, workspaceId);
  }
  return taken as AccountId[];
}

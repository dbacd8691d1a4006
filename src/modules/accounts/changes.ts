// "This account's data changed": announced by whoever changed it (intake, the timeline), taken
// by whoever derives figures from it. Health subscribes to `accounts__changed` and rescores the
// accounts it takes (health/jobs.ts); accounts knows nothing of health.
//
// The announcement is a set, `account_changes`, one row per account: an insert that does
// nothing when the account is already there, so however many batches of usage arrive, the set
// holds each account once and stays bounded by the number of accounts, worker or none. Only a
// change that adds a row queues the workspace's one wake-up job (job key, `preserve_run_at`):
// due `settleSeconds` later in a quiet workspace, and under a stream no sooner than
// `passGapSeconds` after the previous pass started, or longer after a long pass (`passShare`).
// Most changes add no row (their account is already waiting) and touch no job at all; intake
// announces after its transaction commits (segment/ingest.ts), so even the ones that do hold
// the job's row for one statement, not for a whole intake batch.
//
// Why this, measured with bench/intake.ts (1 M events per mode, batches of 500 × 6 senders, on
// this 2-core machine under a load average of 13 from other work): the batch job it replaces
// appended every batch's accounts to one payload under one key, so concurrent intake queued on
// that row — 2,670 events/s, 8% of a raw COPY, at 200 k events, and ~1,000 events/s at 1 M.
// Now: 8,144 events/s (35% of COPY) with the web role alone, 9,748 events/s (42%) with a worker
// rescoring beside it, an event scored within 9.9 s median, 11.6 s at most. A short recurring
// drain would have kept intake as free but scores nothing sooner than its period and runs
// when nothing changed. Passes back to back (no gap) kept the worker rescoring the same
// accounts all the time: at 200 k events intake fell to 8–9 k events/s beside the worker
// against 17–18 k alone.
//
// Taking is a delete of rows nobody holds: a change announced inside a transaction holds its
// account's row (`for key share`) until it commits, so no pass takes the account and scores
// it without that change; the pass skips such rows and a later one takes them.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { enqueue, type JobKeyMode } from '../../jobs/registry.ts';
import type { AccountId } from '../../lib/ids.ts';
import { addCommitted, addOrHold, anyChanges, takeChanges } from './changes/store.ts';

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

/** A change in a quiet workspace is taken this long after it, with whatever came meanwhile. */
const settleSeconds = 1;
/**
 * Passes over one workspace start at least this far apart: under a stream of usage every
 * account changes every few seconds, and back-to-back passes would rescore the same accounts
 * all the time, taking the cores intake runs on (bench/intake.ts, with a worker).
 */
const passGapSeconds = 10;
/**
 * A long pass spaces them further: the next starts no sooner than its duration over this share
 * after it started, so rescoring a busy workspace keeps to a tenth of the time however much
 * data each pass reads (bench/intake.ts beside a worker: passes over 1,000 streaming accounts
 * took 0.7–2.5 s and came every 11–24 s; an event was scored within 24 s)…
 */
const passShare = 0.1;
/** …and no later than this after it started, so a change is still taken within a minute. */
const latestPassGapSeconds = 45;

const wakeUp = (db: Db, workspaceId: string, inSeconds: number, mode: JobKeyMode) =>
  enqueue(
    db,
    'accounts__changed',
    { workspaceId },
    { jobKey: `accounts__changed:${workspaceId}`, jobKeyMode: mode, runInSeconds: inSeconds },
  );

/**
 * Announces that these accounts' data changed, in the caller's transaction (holding the ones
 * already announced until it commits) or after the change committed. Answers how many
 * accounts joined the set (the rest were in it already).
 */
export async function markAccountsChanged(
  db: Db,
  workspaceId: string,
  accountIds: string | readonly string[],
): Promise<number> {
  let pending = typeof accountIds === 'string' ? [accountIds] : [...new Set(accountIds)];
  let added = 0;
  // Outside a transaction the change has committed: a plain insert does (intake, after each batch).
  if (!db.isTransaction && pending.length > 0) {
    added = await addCommitted(db, workspaceId, pending);
    pending = [];
  }
  // In one, a second pass only for accounts another transaction added during the first statement.
  for (let pass = 0; pending.length > 0; pass++) {
    if (pass === 5) throw new Error('accounts kept joining and leaving the changed set');
    const outcome = await addOrHold(db, workspaceId, pending);
    added += outcome.added;
    pending = outcome.missed;
  }
  if (added > 0) await wakeUp(db, workspaceId, settleSeconds, 'preserve_run_at');
  return added;
}

/**
 * Takes up to `limit` changed accounts of the workspace out of the set, for the subscriber to
 * recompute. The next pass is due `passGapSeconds` after this one started (a look that finds
 * nothing schedules none); accounts whose change is still being committed stay for it.
 */
export async function takeChangedAccounts(
  db: Db,
  workspaceId: string,
  limit: number,
): Promise<AccountId[]> {
  const taken = await takeChanges(db, workspaceId, limit);
  if (taken.length > 0) await wakeUp(db, workspaceId, passGapSeconds, 'replace');
  else if (await anyChanges(db, workspaceId)) {
    await wakeUp(db, workspaceId, settleSeconds, 'preserve_run_at');
  }
  return taken as AccountId[];
}

/**
 * The subscriber's pass over what it took is done, `tookSeconds` after it started: a pass that
 * took over a second puts the next one off (`passShare`).
 */
export async function finishChangedPass(
  db: Db,
  workspaceId: string,
  tookSeconds: number,
): Promise<void> {
  const gap = Math.min(tookSeconds / passShare, latestPassGapSeconds);
  if (gap > passGapSeconds) await wakeUp(db, workspaceId, gap - tookSeconds, 'replace');
}

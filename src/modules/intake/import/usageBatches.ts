// Usage history batches of a CSV import: each row is one account's use of one feature on one
// day (usage.ts), written into the Segment intake's daily rollups (../segment/backfill.ts).
//
// A row names an event or a feature; the rollups are keyed by feature. The catalog is read in
// the transaction the batch is written in, after the catalog lock (shared) as intake batches
// take it: a feature defined meanwhile either waits for the batch to commit, and its history
// move then finds the rows under the event's name, or committed before, and the batch keys its
// rows by it. Read once before the writes, a definition landing in between left the rows
// under the event's name after its move had run.
//
// The accounts whose rollups a file created or changed are announced as changed (accounts'
// changed set, drained by health to rescore them) in the transaction that wrote them, once,
// after its last batch: in one statement, in account id order, as intake's announcement
// after each batch. Announcing batch by batch in an all-or-nothing file's one transaction
// deadlocked beside the tracking intake and the webhooks (the demo seed): an announcement
// that adds an account also wakes the workspace's drain job, whose row the transaction then
// holds until it commits, so batch 1 took the job row, a ticket's transaction added its
// account and waited for that row, and batch 2 waited to add the same account. Once, at
// the end, the file takes each account's row and then the job's, in the order every
// other announcement takes them, and holds the job's row only while it commits.
import type { Db } from '../../../db/connect.ts';
import { accountIdsByExternalId, markAccountsChanged } from '../../accounts/index.ts';
import { backfillFeatureOf, upsertUsageRollups } from '../segment/index.ts';
import {
  inBatchTransaction,
  noWrites,
  reportInLineOrder,
  withAccounts,
  writesValidRows,
  type BatchImporter,
  type ImportChoices,
  type Pending,
} from './batch.ts';
import type { ImportPlan } from './fields.ts';
import { about, rowMessage, type Rejection } from './problems.ts';
import { readUsageRow, usageKey, type UsageRecord } from './usage.ts';

/** Reads a batch's rows with the catalog as it stands; a repeated day is rejected. */
function usageRecords(
  batch: Pending[],
  plan: ImportPlan,
  featureOf: (name: string) => string,
  firstLineOfDay: Map<string, number>,
  rejected: Rejection[],
): UsageRecord[] {
  const records: UsageRecord[] = [];
  for (const row of batch) {
    const result = readUsageRow(row.cells, row.line, plan, featureOf);
    if ('problems' in result) {
      rejected.push({ line: row.line, problems: result.problems });
      continue;
    }
    const key = usageKey(result.record);
    const first = firstLineOfDay.get(key);
    if (first === undefined) {
      firstLineOfDay.set(key, row.line);
      records.push(result.record);
      continue;
    }
    rejected.push({
      line: row.line,
      problems: [
        about(
          'feature',
          rowMessage('repeatedDay', {
            feature: result.record.featureKey,
            account: result.record.accountExternalId,
            // As written in the file (YYYY-MM-DD), and the line without a separator.
            day: result.record.day,
            line: String(first),
          }),
        ),
      ],
    });
  }
  return records;
}

export function usageBatches(db: Db, choices: ImportChoices, plan: ImportPlan): BatchImporter {
  const { workspaceId } = choices.by;
  // Usage rows are keyed by account, day and feature, not by one external id.
  const firstLineOfDay = new Map<string, number>();
  // The whole file's, announced by `finish` in its transaction; a batch committed on its own
  // (skipInvalid) announces its own before it commits.
  const changed = new Set<string>();
  const ownTransaction = choices.skipInvalid && !choices.dryRun;
  return {
    plan,
    run: (batch, reject, anyRejected) =>
      inBatchTransaction(db, choices, async (trx) => {
        const featureOf = await backfillFeatureOf(trx, workspaceId);
        const rejected: Rejection[] = [];
        const records = usageRecords(batch, plan, featureOf, firstLineOfDay, rejected);
        const accounts = await accountIdsByExternalId(
          trx,
          workspaceId,
          records.map((r) => r.accountExternalId),
        );
        const ready = withAccounts(records, accounts, rejected);
        reportInLineOrder(rejected, reject);
        if (!writesValidRows(choices, anyRejected())) return noWrites();
        const { accounts: written, ...counts } = await upsertUsageRollups(trx, workspaceId, ready);
        if (ownTransaction) await markAccountsChanged(trx, workspaceId, written);
        else if (!choices.dryRun) for (const id of written) changed.add(id);
        return counts;
      }),
    finish: () => markAccountsChanged(db, workspaceId, [...changed]).then(() => undefined),
  };
}

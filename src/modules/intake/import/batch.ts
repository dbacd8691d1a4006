// One batch of a CSV import (up to 1,000 lines): what every entity's batches share — the
// transaction a batch is checked and written in for each way of importing, and the rows'
// accounts found by external id.
import type { Db } from '../../../db/connect.ts';
import type { ChangeAuthor } from '../../auth/index.ts';
import type { ImportEntity, ImportPlan } from './fields.ts';
import type { ImportPresetName } from './presets.ts';
import { about, rowMessage, type Rejection } from './problems.ts';
import type { WriteCounts } from './write.ts';

/** What an import was asked to do: which rows, mapped how, written how. */
export type ImportChoices = {
  by: ChangeAuthor;
  entity: ImportEntity;
  /** CSV column → field; columns it does not name map themselves by name. */
  mapping?: Record<string, string>;
  /** A CRM export's column mapping (presets.ts), under the explicit one. */
  preset?: ImportPresetName;
  dryRun: boolean;
  skipInvalid: boolean;
};

/** A line of the file waiting for its batch. */
export type Pending = { cells: string[]; line: number };

/** Checks and writes one batch; rejections go to `reject` in line order. */
export type BatchImporter = {
  plan: ImportPlan;
  run(
    batch: Pending[],
    reject: (r: Rejection) => void,
    anyRejected: () => boolean,
  ): Promise<WriteCounts>;
  /**
   * After the last batch of an import that writes (not a dry run, nor an all-or-nothing file
   * with a rejected row), in `db` as the importer was given it: the whole file's transaction
   * when the file is all or nothing, before it commits.
   */
  finish?(): Promise<void>;
};

export const noWrites = (): WriteCounts => ({ created: 0, updated: 0, unchanged: 0 });

/** Hands a batch's rejections on in line order. */
export function reportInLineOrder(rejected: Rejection[], reject: (r: Rejection) => void): void {
  for (const r of rejected.sort((a, b) => a.line - b.line)) reject(r);
}

class Rehearsed extends Error {
  readonly counts: WriteCounts;
  constructor(counts: WriteCounts) {
    super('rehearsed');
    this.counts = counts;
  }
}

/**
 * Runs `work` (a batch's checks that read the database, and its writes) in the transaction the
 * batch is written in: a dry run's own, rolled back, which counts what would be written; with
 * `skipInvalid` the batch's own, committed; else `db`, the whole import's transaction.
 */
export async function inBatchTransaction(
  db: Db,
  choices: ImportChoices,
  work: (db: Db) => Promise<WriteCounts>,
): Promise<WriteCounts> {
  if (choices.dryRun) {
    try {
      await db.transaction().execute(async (trx) => {
        throw new Rehearsed(await work(trx));
      });
    } catch (error) {
      if (error instanceof Rehearsed) return error.counts;
      throw error;
    }
  }
  if (choices.skipInvalid) return db.transaction().execute(work);
  return work(db);
}

/**
 * Whether the batch's valid rows are written: always in a dry run and with `skipInvalid`; all
 * or nothing, not once a row was rejected, since the import's transaction will be rolled back
 * and writing more would be wasted.
 */
export const writesValidRows = (choices: ImportChoices, anyRejected: boolean): boolean =>
  choices.dryRun || choices.skipInvalid || !anyRejected;

/** Writes a batch whose rows were checked already, in its transaction (inBatchTransaction). */
export function writeBatch(
  db: Db,
  choices: ImportChoices,
  anyRejected: boolean,
  write: (db: Db) => Promise<WriteCounts>,
): Promise<WriteCounts> {
  if (!writesValidRows(choices, anyRejected)) return Promise.resolve(noWrites());
  return inBatchTransaction(db, choices, write);
}

/** Contacts and usage rows attach to live accounts by the account's external id. */
export function withAccounts<T extends { line: number; accountExternalId: string }>(
  records: T[],
  accounts: ReadonlyMap<string, string>,
  rejected: Rejection[],
): (T & { accountId: string })[] {
  const ready: (T & { accountId: string })[] = [];
  for (const record of records) {
    const accountId = accounts.get(record.accountExternalId);
    if (accountId) ready.push({ ...record, accountId });
    else {
      rejected.push({
        line: record.line,
        problems: [
          about(
            'accountExternalId',
            rowMessage('noAccount', { externalId: record.accountExternalId }),
          ),
        ],
      });
    }
  }
  return ready;
}

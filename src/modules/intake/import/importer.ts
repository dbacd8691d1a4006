// The importer shared by the CLI and the web import job: streams a CSV file, checks every
// row, and upserts accounts or contacts by external id, or usage rollups by account, day and
// feature (../segment/backfill.ts), in batches. Accounts and contacts are written through the
// accounts module's exported upserts; usage through the Segment intake's rollups.
//
// All or nothing unless asked otherwise: without `skipInvalid` the whole file is one
// transaction, rolled back when any row is rejected (rows keep being checked, so every bad
// row is reported). With `skipInvalid` each batch commits on its own; a dry run writes each
// batch and rolls it back, which counts what would be created, updated or left unchanged.
import type { Readable } from 'node:stream';
import type { Db } from '../../../db/connect.ts';
import { AppError } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import {
  accountIdsByExternalId,
  customFieldDefinitions,
  knownAccountExternalIds,
} from '../../accounts/index.ts';
import { listUsers, recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { backfillFeatureOf, upsertUsageRollups } from '../segment/index.ts';
import { checkedHeader, csvRecords } from './csv.ts';
import {
  customFieldPrefix,
  importFields,
  planImport,
  type ImportEntity,
  type ImportPlan,
} from './fields.ts';
import {
  readAccountRow,
  readContactRow,
  type AccountRecord,
  type ContactRecord,
  type RowContext,
} from './rows.ts';
import { presetMapping, type ImportPresetName } from './presets.ts';
import { about, rowMessage, type Rejection } from './problems.ts';
import { readUsageRow, usageKey, type UsageRecord } from './usage.ts';
import { writeAccounts, writeContacts, type WriteCounts } from './write.ts';

export const batchSize = 1000;
/** Rejections kept for the report; the CLI still prints every one as it comes. */
export const keptRejections = 1000;

export type { Rejection } from './problems.ts';
export type ImportCounts = WriteCounts & { rejected: number };
export type ImportProgress = {
  processedBytes: number;
  processedRows: number;
  counts: ImportCounts;
};

export type ImportRequest = {
  db: Db;
  by: ChangeAuthor;
  entity: ImportEntity;
  /** CSV column → field; columns it does not name map themselves by name. */
  mapping?: Record<string, string>;
  /** A CRM export's column mapping (presets.ts), under the explicit one. */
  preset?: ImportPresetName;
  dryRun: boolean;
  skipInvalid: boolean;
  /** Name the import in the audit log. */
  importId: string;
  fileName: string;
  onProgress?: (progress: ImportProgress) => Promise<void> | void;
  onRejection?: (rejection: Rejection) => void;
};

export type ImportOutcome = {
  mapping: Record<string, string>;
  ignoredColumns: string[];
  processedBytes: number;
  processedRows: number;
  counts: ImportCounts;
  /** The first rejections, in file order. */
  rejections: Rejection[];
  /** Whether anything was written: false for a dry run and for a refused all-or-nothing import. */
  imported: boolean;
};

class NothingImported extends Error {
  readonly outcome: Omit<ImportOutcome, 'imported'>;
  constructor(outcome: Omit<ImportOutcome, 'imported'>) {
    super('rolled back');
    this.outcome = outcome;
  }
}

const none = (): WriteCounts => ({ created: 0, updated: 0, unchanged: 0 });

export async function importCsv(input: Readable, request: ImportRequest): Promise<ImportOutcome> {
  if (request.dryRun || request.skipInvalid) {
    const outcome = await importRows(request.db, input, request);
    return { ...outcome, imported: !request.dryRun };
  }
  try {
    return await request.db.transaction().execute(async (trx) => {
      const outcome = await importRows(trx, input, request);
      if (outcome.counts.rejected > 0) throw new NothingImported(outcome);
      return { ...outcome, imported: true };
    });
  } catch (error) {
    if (!(error instanceof NothingImported)) throw error;
    const { counts } = error.outcome;
    return { ...error.outcome, counts: { ...none(), rejected: counts.rejected }, imported: false };
  }
}

type Pending = { cells: string[]; line: number };

async function importRows(
  db: Db,
  input: Readable,
  request: ImportRequest,
): Promise<Omit<ImportOutcome, 'imported'>> {
  const counts: ImportCounts = { ...none(), rejected: 0 };
  const rejections: Rejection[] = [];
  const reject = (rejection: Rejection) => {
    counts.rejected++;
    if (rejections.length < keptRejections) rejections.push(rejection);
    request.onRejection?.(rejection);
  };
  let importer: BatchImporter | undefined;
  let processedBytes = 0;
  let processedRows = 0;
  let pending: Pending[] = [];

  const flush = async () => {
    if (!importer || pending.length === 0) return;
    const batch = pending;
    pending = [];
    const written = await importer.run(batch, reject, () => counts.rejected > 0);
    counts.created += written.created;
    counts.updated += written.updated;
    counts.unchanged += written.unchanged;
    processedRows += batch.length;
    await request.onProgress?.({ processedBytes, processedRows, counts: { ...counts } });
  };

  for await (const record of csvRecords(input)) {
    if (!importer) {
      importer = await batchImporter(db, request, checkedHeader(record.cells));
      continue;
    }
    pending.push({ cells: record.cells, line: record.line });
    processedBytes = record.bytes;
    if (pending.length >= batchSize) await flush();
  }
  if (!importer) throw emptyFile();
  await flush();
  if (!request.dryRun && (request.skipInvalid || counts.rejected === 0)) {
    await recordAudit(db, request.by, {
      action: `import.${request.entity}`,
      entityType: 'import',
      entityId: request.importId,
      changes: { fileName: request.fileName, ...counts },
    });
  }
  return {
    mapping: importer.plan.mapping,
    ignoredColumns: importer.plan.ignoredColumns,
    processedBytes,
    processedRows,
    counts,
    rejections,
  };
}

function emptyFile() {
  return new AppError('import.invalid_file', { key: 'intake.problem.emptyCsv' });
}

/** Checks and writes one batch; rejections go to `reject` in line order. */
type BatchImporter = {
  plan: ImportPlan;
  run(
    batch: Pending[],
    reject: (r: Rejection) => void,
    anyRejected: () => boolean,
  ): Promise<WriteCounts>;
};

/** Reads what the rows are checked against once, then imports batch after batch. */
async function batchImporter(
  db: Db,
  request: ImportRequest,
  header: string[],
): Promise<BatchImporter> {
  const { workspaceId } = request.by;
  const definitions =
    request.entity === 'accounts' ? await customFieldDefinitions(db, workspaceId, 'account') : [];
  const plan = planImport(request.entity, importFields(request.entity, definitions), header, {
    ...(request.preset ? presetMapping(request.preset, request.entity, header) : {}),
    ...request.mapping,
  });
  const context: RowContext = {
    customFields: new Map(definitions.map((d) => [d.key, d])),
    owners: plan.columnOf.has('owner') ? await ownersByEmail(db, workspaceId) : new Map(),
  };
  // An external id twice in one file is a mistake in the file: the later row is rejected.
  const firstLineOf = new Map<string, number>();
  const isFirst = (record: { externalId: string; line: number }, rejected: Rejection[]) => {
    const first = firstLineOf.get(record.externalId);
    if (first === undefined) {
      firstLineOf.set(record.externalId, record.line);
      return true;
    }
    rejected.push({
      line: record.line,
      problems: [
        about(
          'externalId',
          rowMessage('repeated', { externalId: record.externalId, line: String(first) }),
        ),
      ],
    });
    return false;
  };
  const write = (anyRejected: boolean, run: (db: Db) => Promise<WriteCounts>) =>
    writeBatch(db, request, anyRejected, run);
  const report = (rejected: Rejection[], reject: (r: Rejection) => void) => {
    for (const r of rejected.sort((a, b) => a.line - b.line)) reject(r);
  };

  if (request.entity === 'accounts') {
    // A new account needs every required custom field; an existing one keeps its values.
    const requiredUnmapped = definitions.filter(
      (d) => d.required && !plan.columnOf.has(`${customFieldPrefix}${d.key}`),
    );
    return {
      plan,
      async run(batch, reject, anyRejected) {
        const rejected: Rejection[] = [];
        let records: AccountRecord[] = [];
        for (const row of batch) {
          const result = readAccountRow(row.cells, row.line, plan, context);
          if ('problems' in result) rejected.push({ line: row.line, problems: result.problems });
          else if (isFirst(result.record, rejected)) records.push(result.record);
        }
        if (requiredUnmapped.length > 0 && records.length > 0) {
          const existing = await knownAccountExternalIds(
            db,
            workspaceId,
            records.map((r) => r.externalId),
          );
          records = records.filter((record) => {
            if (existing.has(record.externalId)) return true;
            rejected.push({
              line: record.line,
              problems: requiredUnmapped.map((d) =>
                about(`${customFieldPrefix}${d.key}`, rowMessage('requiredForNew')),
              ),
            });
            return false;
          });
        }
        report(rejected, reject);
        return write(anyRejected(), (trx) => writeAccounts(trx, workspaceId, plan, records));
      },
    };
  }
  if (request.entity === 'usage') {
    const featureOf = await backfillFeatureOf(db, workspaceId);
    // Usage rows are keyed by account, day and feature, not by one external id.
    const firstLineOfDay = new Map<string, number>();
    return {
      plan,
      async run(batch, reject, anyRejected) {
        const rejected: Rejection[] = [];
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
          } else {
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
        }
        const ready = withAccounts(
          records,
          await accountIdsByExternalId(
            db,
            workspaceId,
            records.map((r) => r.accountExternalId),
          ),
          rejected,
        );
        report(rejected, reject);
        return write(anyRejected(), (trx) => upsertUsageRollups(trx, workspaceId, ready));
      },
    };
  }
  return {
    plan,
    async run(batch, reject, anyRejected) {
      const rejected: Rejection[] = [];
      const records: ContactRecord[] = [];
      for (const row of batch) {
        const result = readContactRow(row.cells, row.line, plan);
        if ('problems' in result) rejected.push({ line: row.line, problems: result.problems });
        else if (isFirst(result.record, rejected)) records.push(result.record);
      }
      const ready = withAccounts(
        records,
        await accountIdsByExternalId(
          db,
          workspaceId,
          records.map((r) => r.accountExternalId),
        ),
        rejected,
      );
      report(rejected, reject);
      return write(anyRejected(), (trx) => writeContacts(trx, workspaceId, plan, ready));
    },
  };
}

/** Owners are named by e-mail in the file: everyone active in the workspace, read once. */
export async function ownersByEmail(
  db: Db,
  workspaceId: WorkspaceId,
): Promise<Map<string, string>> {
  const people = await listUsers(db, workspaceId);
  return new Map(people.filter((p) => !p.deactivated).map((p) => [p.email.toLowerCase(), p.id]));
}

/** Contacts and usage rows attach to live accounts by the account's external id. */
function withAccounts<T extends { line: number; accountExternalId: string }>(
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

class Rehearsed extends Error {
  readonly counts: WriteCounts;
  constructor(counts: WriteCounts) {
    super('rehearsed');
    this.counts = counts;
  }
}

async function writeBatch(
  db: Db,
  request: ImportRequest,
  anyRejected: boolean,
  write: (db: Db) => Promise<WriteCounts>,
): Promise<WriteCounts> {
  if (request.dryRun) {
    try {
      await db.transaction().execute(async (trx) => {
        throw new Rehearsed(await write(trx));
      });
    } catch (error) {
      if (error instanceof Rehearsed) return error.counts;
      throw error;
    }
  }
  if (request.skipInvalid) return db.transaction().execute(write);
  // All or nothing: `db` is the import's own transaction, to be rolled back once a row is
  // rejected, so writing more would be wasted.
  return anyRejected ? none() : write(db);
}

// The importer shared by the CLI and the web import job: streams a CSV file, checks every
// row, and upserts accounts or contacts by external id, or usage rollups by account, day and
// feature (../segment/backfill.ts), in batches (batches.ts). Accounts and contacts are written
// through the accounts module's exported upserts; usage through the Segment intake's rollups.
//
// All or nothing unless asked otherwise: without `skipInvalid` the whole file is one
// transaction, rolled back when any row is rejected (rows keep being checked, so every bad
// row is reported). With `skipInvalid` each batch commits on its own; a dry run writes each
// batch and rolls it back, which counts what would be created, updated or left unchanged.
import type { Readable } from 'node:stream';
import type { Db } from '../../../db/connect.ts';
import { AppError } from '../../../lib/errors.ts';
import { recordAudit } from '../../auth/index.ts';
import { noWrites, type BatchImporter, type ImportChoices, type Pending } from './batch.ts';
import { batchImporter } from './batches.ts';
import { checkedHeader, csvRecords } from './csv.ts';
import type { Rejection } from './problems.ts';
import type { WriteCounts } from './write.ts';

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

export type ImportRequest = ImportChoices & {
  db: Db;
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
    return {
      ...error.outcome,
      counts: { ...noWrites(), rejected: counts.rejected },
      imported: false,
    };
  }
}

async function importRows(
  db: Db,
  input: Readable,
  request: ImportRequest,
): Promise<Omit<ImportOutcome, 'imported'>> {
  const counts: ImportCounts = { ...noWrites(), rejected: 0 };
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
    await importer.finish?.();
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

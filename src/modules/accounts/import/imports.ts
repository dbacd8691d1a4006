// Imports started from the web app: the uploaded file, its mapping and progress, in the
// `imports` table; the `import__run` job does the work.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import { enqueue } from '../../../jobs/registry.ts';
import { AppError } from '../../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import { customFieldDefinitions } from '../customFields.ts';
import { readHeader } from './csv.ts';
import { importFields, planImport, type ImportEntity } from './fields.ts';
import type { ImportOutcome, ImportProgress } from './importer.ts';
import { importSummarySchema, type ImportView } from './schema.ts';

const columns = [
  'id',
  'workspace_id',
  'created_by',
  'entity',
  'file_name',
  'mapping',
  'dry_run',
  'skip_invalid',
  'status',
  'total_bytes',
  'processed_bytes',
  'processed_rows',
  'created_rows',
  'updated_rows',
  'unchanged_rows',
  'rejected_rows',
  'rejections',
  'failure',
  'created_at',
  'finished_at',
] as const;

function selectImports(db: Db, workspaceId: string) {
  return db.selectFrom('imports').select(columns).where('workspace_id', '=', workspaceId);
}

type ImportRow = Awaited<ReturnType<ReturnType<typeof selectImports>['executeTakeFirstOrThrow']>>;

export function describeImport(row: ImportRow): ImportView {
  return {
    id: row.id,
    entity: row.entity,
    fileName: row.file_name,
    status: row.status,
    dryRun: row.dry_run,
    skipInvalid: row.skip_invalid,
    mapping: row.mapping,
    progress: {
      processedBytes: row.processed_bytes,
      totalBytes: row.total_bytes,
      processedRows: row.processed_rows,
    },
    counts: {
      created: row.created_rows,
      updated: row.updated_rows,
      unchanged: row.unchanged_rows,
      rejected: row.rejected_rows,
    },
    rejections: row.rejections,
    failure: row.failure,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

export type StartImport = {
  workspaceId: WorkspaceId;
  userId: UserId;
  entity: ImportEntity;
  fileName: string;
  file: Buffer;
  mapping: Record<string, string> | undefined;
  dryRun: boolean;
  skipInvalid: boolean;
};

/**
 * Checks the file's header against the mapping before anything is queued, so a wrong
 * mapping answers at once; then stores the file and queues its job in one transaction.
 */
export async function startImport(db: Db, input: StartImport): Promise<ImportView> {
  const header = await readHeader(input.file);
  const definitions =
    input.entity === 'accounts'
      ? await customFieldDefinitions(db, input.workspaceId, 'account')
      : [];
  const plan = planImport(
    input.entity,
    importFields(input.entity, definitions),
    header,
    input.mapping,
  );
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('imports')
      .values({
        workspace_id: input.workspaceId,
        created_by: input.userId,
        entity: input.entity,
        file_name: input.fileName,
        file: input.file,
        mapping: JSON.stringify(plan.mapping),
        dry_run: input.dryRun,
        skip_invalid: input.skipInvalid,
        total_bytes: input.file.length,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    await enqueue(trx, 'import__run', { importId: row.id }, { jobKey: `import:${row.id}` });
    return describeImport(row);
  });
}

export async function findImport(db: Db, workspaceId: WorkspaceId, id: string) {
  const row = await selectImports(db, workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('import.not_found', 'No such import.');
  return describeImport(row);
}

export async function recentImports(db: Db, workspaceId: WorkspaceId, limit = 50) {
  const rows = await selectImports(db, workspaceId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => importSummarySchema.parse(describeImport(row)));
}

/** The import to run, with its file; undefined when there is none (its workspace went). */
export function importToRun(db: Db, id: string) {
  return db
    .selectFrom('imports')
    .select(['id', 'workspace_id', 'created_by', 'entity', 'file_name', 'file', 'mapping'])
    .select(['dry_run', 'skip_invalid', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Starts (or restarts, after an interruption) from the beginning: counts go back to zero. */
export async function markRunning(db: Db, id: string) {
  await db
    .updateTable('imports')
    .set({
      status: 'running',
      processed_bytes: 0,
      processed_rows: 0,
      created_rows: 0,
      updated_rows: 0,
      unchanged_rows: 0,
      rejected_rows: 0,
      rejections: '[]',
      failure: null,
      finished_at: null,
    })
    .where('id', '=', id)
    .execute();
}

export async function recordProgress(db: Db, id: string, progress: ImportProgress) {
  await db
    .updateTable('imports')
    .set({
      processed_bytes: progress.processedBytes,
      processed_rows: progress.processedRows,
      created_rows: progress.counts.created,
      updated_rows: progress.counts.updated,
      unchanged_rows: progress.counts.unchanged,
      rejected_rows: progress.counts.rejected,
    })
    .where('id', '=', id)
    .execute();
}

export async function markDone(db: Db, id: string, outcome: ImportOutcome, at: Date) {
  await db
    .updateTable('imports')
    .set({
      status: 'done',
      mapping: JSON.stringify(outcome.mapping),
      processed_rows: outcome.processedRows,
      processed_bytes: sql<number>`total_bytes`,
      created_rows: outcome.counts.created,
      updated_rows: outcome.counts.updated,
      unchanged_rows: outcome.counts.unchanged,
      rejected_rows: outcome.counts.rejected,
      rejections: JSON.stringify(outcome.rejections),
      finished_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Db, id: string, failure: string, at: Date) {
  await db
    .updateTable('imports')
    .set({ status: 'failed', failure, finished_at: at })
    .where('id', '=', id)
    .execute();
}

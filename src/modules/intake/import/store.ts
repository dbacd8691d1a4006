// SQL of the `imports` table: a web import's file, mapping, progress and outcome.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import type { ImportEntity } from './fields.ts';
import type { ImportOutcome, ImportProgress } from './importer.ts';
import type { ImportFailure } from './problems.ts';

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

function selectImports(db: Db, workspaceId: WorkspaceId) {
  return db.selectFrom('imports').select(columns).where('workspace_id', '=', workspaceId);
}

export type ImportRow = Awaited<
  ReturnType<ReturnType<typeof selectImports>['executeTakeFirstOrThrow']>
>;

export type NewImport = {
  workspaceId: WorkspaceId;
  userId: UserId;
  entity: ImportEntity;
  fileName: string;
  file: Buffer;
  mapping: Record<string, string>;
  dryRun: boolean;
  skipInvalid: boolean;
};

export function insertImport(db: Db, input: NewImport): Promise<ImportRow> {
  return db
    .insertInto('imports')
    .values({
      workspace_id: input.workspaceId,
      created_by: input.userId,
      entity: input.entity,
      file_name: input.fileName,
      file: input.file,
      mapping: JSON.stringify(input.mapping),
      dry_run: input.dryRun,
      skip_invalid: input.skipInvalid,
      total_bytes: input.file.length,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export function findImportRow(db: Db, workspaceId: WorkspaceId, id: string) {
  return selectImports(db, workspaceId).where('id', '=', id).executeTakeFirst();
}

export function recentImportRows(db: Db, workspaceId: WorkspaceId, limit: number) {
  return selectImports(db, workspaceId).orderBy('created_at', 'desc').limit(limit).execute();
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

export async function markFailed(db: Db, id: string, failure: ImportFailure, at: Date) {
  await db
    .updateTable('imports')
    .set({ status: 'failed', failure: JSON.stringify(failure), finished_at: at })
    .where('id', '=', id)
    .execute();
}

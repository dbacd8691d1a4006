// Imports started from the web app: the uploaded file, its mapping and progress, kept in the
// `imports` table (store.ts); the `import__run` job does the work.
import type { Db } from '../../../db/connect.ts';
import type { Locale } from '../../../i18n/index.ts';
import { enqueue } from '../../../jobs/registry.ts';
import { AppError } from '../../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import { customFieldDefinitions } from '../../accounts/index.ts';
import { readHeader } from './csv.ts';
import { importFields, planImport, type ImportEntity } from './fields.ts';
import { failureText, rejectionReason, storedProblem } from './problems.ts';
import { importSummarySchema, type ImportView } from './schema.ts';
import { findImportRow, insertImport, recentImportRows, type ImportRow } from './store.ts';

/** An import as `locale`'s reader sees it: each rejected row's reason in their language. */
export function describeImport(row: ImportRow, locale: Locale): ImportView {
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
    rejections: row.rejections.map(({ line, problems }) => ({
      line,
      reason: rejectionReason(problems.map(storedProblem), locale),
    })),
    failure: row.failure ? failureText(row.failure, locale) : null,
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
export async function startImport(db: Db, input: StartImport, locale: Locale): Promise<ImportView> {
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
    const row = await insertImport(trx, { ...input, mapping: plan.mapping });
    await enqueue(trx, 'import__run', { importId: row.id }, { jobKey: `import:${row.id}` });
    return describeImport(row, locale);
  });
}

export async function findImport(db: Db, workspaceId: WorkspaceId, id: string, locale: Locale) {
  const row = await findImportRow(db, workspaceId, id);
  if (!row) throw new AppError('import.not_found', { key: 'intake.problem.noImport' });
  return describeImport(row, locale);
}

export async function recentImports(db: Db, workspaceId: WorkspaceId, locale: Locale, limit = 50) {
  const rows = await recentImportRows(db, workspaceId, limit);
  // A summary leaves the rejected rows out: their reasons need no rendering.
  return rows.map((row) =>
    importSummarySchema.parse(describeImport({ ...row, rejections: [] }, locale)),
  );
}

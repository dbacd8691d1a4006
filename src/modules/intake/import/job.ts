// The `import__run` job: runs a web import through the same importer as the CLI, keeping
// its progress in the `imports` row. Idempotent: a done import is not run again, and an
// interrupted one starts over (upserts by external id make that safe).
import { z } from 'zod';
import type { JobDefinition, JobHandler } from '../../../jobs/registry.ts';
import { message } from '../../../i18n/index.ts';
import { AppError } from '../../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import { bufferStream } from './csv.ts';
import { importCsv, type ImportProgress } from './importer.ts';
import { failureOf } from './problems.ts';
import { importToRun, markDone, markFailed, markRunning, recordProgress } from './store.ts';
import { mappingSchema } from './schema.ts';

export const importRunPayload = z.object({ importId: z.uuid() });

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      import__run: z.infer<typeof importRunPayload>;
    }
  }
}

/** Progress is written at most this often (and once per batch of rows at most). */
const progressEveryMs = 500;

export const runImport: JobHandler<'import__run'> = async ({ db, clock, logger }, { importId }) => {
  const job = await importToRun(db, importId);
  if (!job) {
    logger.warn({ importId }, 'import to run is gone');
    return;
  }
  if (job.status === 'done') return;
  await markRunning(db, job.id);
  let lastWrite = 0;
  const onProgress = async (progress: ImportProgress) => {
    const now = Date.now();
    if (now - lastWrite < progressEveryMs) return;
    lastWrite = now;
    await recordProgress(db, job.id, progress);
  };
  try {
    const outcome = await importCsv(bufferStream(job.file), {
      db,
      by: { workspaceId: job.workspace_id as WorkspaceId, userId: job.created_by as UserId | null },
      entity: job.entity,
      mapping: mappingSchema.parse(job.mapping),
      dryRun: job.dry_run,
      skipInvalid: job.skip_invalid,
      importId: job.id,
      fileName: job.file_name,
      onProgress,
    });
    await markDone(db, job.id, outcome, clock.now());
  } catch (error) {
    // A file or mapping that does not fit fails for good; anything else is retried.
    // Kept as messages: the report is read in its reader's language (problems.ts).
    if (error instanceof AppError) {
      await markFailed(db, job.id, failureOf(error), clock.now());
      return;
    }
    await markFailed(db, job.id, { detail: message('imports.failure.stopped') }, clock.now());
    throw error;
  }
};

export const importJobs: { import__run: JobDefinition<'import__run'> } = {
  import__run: { payload: importRunPayload, run: runImport },
};

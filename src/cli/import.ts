// `steward import accounts|contacts|usage FILE`: the same importer as the web app, from a file
// streamed off disk, with a progress bar on stderr and a report on stdout.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { renderMessage } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import {
  importCsv,
  mappingFromPairs,
  progressBar,
  rejectionReason,
  type ImportEntity,
  type ImportPresetName,
} from '../modules/intake/import/index.ts';
import type { CommandContext } from './withDatabase.ts';
import { pickWorkspace } from './workspace.ts';

type Options = {
  map?: string[];
  preset?: ImportPresetName;
  dryRun?: boolean;
  skipInvalid?: boolean;
  workspace?: string;
};

export async function importCommand(
  { deps }: CommandContext,
  entity: ImportEntity,
  file: string,
  options: Options,
  out: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream } = process,
): Promise<void> {
  const workspace = await pickWorkspace(deps.db, options.workspace);
  const { size } = await stat(file);
  const bar = progressBar(size, out.stderr);
  const say = (text: string) => out.stdout.write(`${text}\n`);
  const dryRun = options.dryRun ?? false;
  const skipInvalid = options.skipInvalid ?? false;
  try {
    const outcome = await importCsv(createReadStream(file), {
      db: deps.db,
      by: { workspaceId: workspace.id, userId: null },
      entity,
      mapping: options.map ? mappingFromPairs(options.map) : undefined,
      ...(options.preset ? { preset: options.preset } : {}),
      dryRun,
      skipInvalid,
      importId: randomUUID(),
      fileName: path.basename(file),
      onProgress: (progress) => bar.update(progress),
      // The terminal's report is in English, as the rest of the command's output.
      onRejection: (r) => say(`line ${r.line}: ${rejectionReason(r.problems, 'en')}`),
    });
    bar.finish();
    const { created, updated, unchanged, rejected } = outcome.counts;
    if (outcome.ignoredColumns.length > 0) {
      say(`Ignored columns: ${outcome.ignoredColumns.join(', ')}`);
    }
    const verb = dryRun
      ? 'Dry run, nothing changed'
      : outcome.imported
        ? 'Imported'
        : 'Nothing imported';
    say(
      `${verb}: ${outcome.processedRows} rows of ${entity} in ${workspace.name} — ${created} created, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected.`,
    );
    if (rejected > 0 && !skipInvalid) {
      say(
        dryRun
          ? 'Fix the rejected rows, or import with --skip-invalid to import the others.'
          : 'Some rows were rejected, so nothing was imported. Fix them, or use --skip-invalid.',
      );
      process.exitCode = 1;
    }
  } catch (error) {
    bar.finish();
    if (error instanceof AppError) {
      const fields = error.errors?.map((e) => `\n  ${e.path}: ${e.message}`).join('') ?? '';
      throw new Error(`${renderMessage(error.detail, 'en')}${fields}`, { cause: error });
    }
    throw error;
  }
}

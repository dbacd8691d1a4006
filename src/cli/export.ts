// `steward export [--out DIR]`: the workspace's data as the web app's export gives it — one
// JSON document and a CSV file per entity — written into a new directory.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  exportCsv,
  exportDocument,
  exportEntities,
  exportFileName,
  inSnapshot,
} from '../modules/export/index.ts';
import type { CommandContext } from './withDatabase.ts';
import { pickWorkspace } from './workspace.ts';

type Options = { out?: string; workspace?: string };

export async function exportCommand(
  { deps }: CommandContext,
  options: Options,
  out: { stdout: NodeJS.WritableStream } = process,
): Promise<string> {
  const { db, clock } = deps;
  const workspace = await pickWorkspace(db, options.workspace);
  const document = await exportFileName(db, clock, workspace.id);
  const dir = path.resolve(options.out ?? document.replace(/\.json$/, ''));
  await mkdir(dir, { recursive: true });
  const write = (name: string, chunks: AsyncGenerator<string>) =>
    pipeline(Readable.from(chunks), createWriteStream(path.join(dir, name)));
  // Every file from one snapshot: they agree with each other.
  await inSnapshot(db, async (snapshot) => {
    await write(document, exportDocument(snapshot, clock, workspace.id));
    for (const entity of exportEntities) {
      await write(
        await exportFileName(snapshot, clock, workspace.id, entity),
        exportCsv(snapshot, workspace.id, entity),
      );
    }
  });
  out.stdout.write(
    `Exported ${workspace.name} to ${dir}: ${document} and ${exportEntities.length} CSV files.\n`,
  );
  return dir;
}

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/import.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeWorkspace } from '../support/factories.ts';

const { deps } = await useTestDeps();
const dir = await mkdtemp(path.join(os.tmpdir(), 'steward-import-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const rows = 100_000;

async function writeAccountsFile(file: string) {
  const out = createWriteStream(file);
  out.write('External ID,Name,Tier,ARR,Renewal date,Seats\n');
  for (let i = 1; i <= rows; i++) {
    const line = `big-${i},Account ${i},${i % 3 === 0 ? 'enterprise' : 'smb'},${i}.50,2027-01-${String((i % 28) + 1).padStart(2, '0')},${i % 500}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const sink = () => {
  const chunks: string[] = [];
  const stream = { write: (chunk: string) => chunks.push(chunk) > 0, isTTY: false };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
};

it(
  'imports 100,000 accounts from a file through the CLI, streaming it',
  { timeout: 120_000 },
  async () => {
    const workspace = await makeWorkspace(deps.db);
    const file = path.join(dir, 'accounts.csv');
    await writeAccountsFile(file);
    expect((await stat(file)).size).toBeGreaterThan(4_000_000);

    const stdout = sink();
    const stderr = sink();
    await importCommand(
      { deps, applied: [] },
      'accounts',
      file,
      { workspace: workspace.slug },
      {
        stdout: stdout.stream,
        stderr: stderr.stream,
      },
    );
    expect(stdout.text()).toContain(
      `Imported: ${rows} rows of accounts in ${workspace.name} — ${rows} created, 0 updated, 0 unchanged, 0 rejected.`,
    );
    expect(stderr.text()).toContain('100%');
    const { n, arr } = await deps.db
      .selectFrom('accounts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('arr_amount').as('arr')])
      .where('workspace_id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(rows);
    // Σ (i·100 + 50) for i = 1..n
    expect(Number(arr)).toBe(((rows * (rows + 1)) / 2) * 100 + 50 * rows);
  },
);

// `steward backup` and `steward restore`: the demo workspace backed up, restored into a fresh
// data directory, and found there row for row — every table of Steward's and of its job queue.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { createTestDatabase } from '../support/db.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const scratch = await mkdtemp(path.join(os.tmpdir(), 'steward-backup-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function steward(args: string[], env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const { stdout } = await run(process.execPath, ['src/main.ts', ...args], {
    cwd: repoRoot,
    env: childEnv,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** Rows per table, in Steward's tables and graphile-worker's. */
async function countsOf(connectionString: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
       where table_schema in ('public', 'graphile_worker') and table_type = 'BASE TABLE'
       order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from ${name}`);
      counts[name] = rows[0]?.n ?? 0;
    }
    return counts;
  } finally {
    await client.end();
  }
}

async function embeddedCounts(dataDir: string): Promise<Record<string, number>> {
  const server = await startEmbeddedPostgres({
    dataDir,
    database: 'steward',
    logger: createLogger('warn'),
  });
  try {
    return await countsOf(server.connectionString);
  } finally {
    await server.stop();
  }
}

describe('steward backup and restore', () => {
  // The embedded server's backup: the first run of .ci/run (without DATABASE_URL) covers it.
  it.skipIf(process.env.DATABASE_URL)(
    'restores the demo workspace from a backup into a fresh data directory, every row',
    async () => {
      const original = path.join(scratch, 'original');
      const restored = path.join(scratch, 'restored');
      const file = path.join(scratch, 'steward.backup');
      await steward(['demo'], { STEWARD_DATA_DIR: original });
      expect(await steward(['backup', file], { STEWARD_DATA_DIR: original })).toContain(
        'Backed up',
      );
      expect(await steward(['restore', file], { STEWARD_DATA_DIR: restored })).toContain(
        'Restored',
      );

      const before = await embeddedCounts(original);
      const after = await embeddedCounts(restored);
      expect(before['public.accounts']).toBeGreaterThan(10);
      expect(before['public.usage_events']).toBeGreaterThan(1000);
      expect(after).toEqual(before);
      // A second restore onto a directory that holds a database is refused, not merged.
      await expect(steward(['restore', file], { STEWARD_DATA_DIR: restored })).rejects.toThrow(
        /already holds a database/,
      );
    },
    300_000,
  );

  // With DATABASE_URL (the external PostgreSQL run in .ci/run): pg_dump and pg_restore.
  it.runIf(process.env.DATABASE_URL)(
    'backs up a database at DATABASE_URL with pg_dump and restores it with pg_restore',
    async () => {
      const source = await createTestDatabase('demo');
      const target = await createTestDatabase('empty');
      const file = path.join(scratch, 'external.dump');
      try {
        await steward(['backup', file], { DATABASE_URL: source.url });
        // Into an empty database: the migrated template's tables are replaced by the dump's.
        await steward(['restore', file], { DATABASE_URL: target.url });
        expect(await countsOf(target.url)).toEqual(await countsOf(source.url));
      } finally {
        await source.close();
        await target.close();
      }
    },
    300_000,
  );
});

// Shared by the benchmarks: a throwaway embedded database, timing and percentiles.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../src/config.ts';
import { connect } from '../src/db/connect.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Deps } from '../src/http/deps.ts';
import { systemClock } from '../src/lib/clock.ts';
import { createLogger } from '../src/lib/logger.ts';

export type BenchResult = { name: string; figure: string; baseline: string };

export async function benchDatabase(): Promise<{
  deps: Deps;
  pool: import('pg').Pool;
  stop(): Promise<void>;
}> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steward-bench-'));
  const logger = createLogger('warn');
  const server = await startEmbeddedPostgres({
    dataDir,
    database: 'steward',
    logger,
    persistent: false,
  });
  const connection = connect(server.connectionString);
  await migrateToLatest(connection.db, connection.pool);
  return {
    deps: {
      db: connection.db,
      clock: systemClock,
      config: readConfig({}, { databaseUrl: server.connectionString }),
      logger,
    },
    pool: connection.pool,
    stop: async () => {
      await connection.close();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

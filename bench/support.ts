// Shared by the benchmarks: a throwaway embedded database, a local server, timing and
// percentiles.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { readConfig } from '../src/config.ts';
import { connect } from '../src/db/connect.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Deps } from '../src/context.ts';
import { systemClock } from '../src/lib/clock.ts';
import { createLogger } from '../src/lib/logger.ts';

export type BenchResult = {
  name: string;
  figure: string;
  baseline: string;
  /** The target for this figure, e.g. 'p95 ≤ 50 ms', where it has one. */
  target?: string;
  /** Whether this run met the target; absent where there is no target. */
  holds?: boolean;
};

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

/**
 * Serves a fetch handler on 127.0.0.1 at a free port, as `steward start` serves the app.
 * `close` also waits for requests a load generator abandoned at its deadline: they still
 * run, and must finish before their database goes away.
 */
export async function serveLocally(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<{ url: string; close(): Promise<void> }> {
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const counted = async (request: Request) => {
    inFlight++;
    try {
      return await fetch(request);
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  };
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: counted, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
    },
  };
}

/** A port nobody listens on right now, for a child process that must be told its port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export const seconds = (n: number) => `${(n / 1000).toFixed(2)} s`;

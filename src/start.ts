// `steward start`: opens the database, migrates, seeds the demo workspace on first start,
// then serves HTTP (roles `all`, `web`) and runs background jobs (roles `all`, `worker`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { Runner } from 'graphile-worker';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { demoLogins, hasAnyWorkspace, seedDemoWorkspace } from './demo/index.ts';
import type { Deps } from './context.ts';
import { stewardTasks } from './jobs/tasks.ts';
import { sealStoredSecrets } from './modules/intake/sealSecrets.ts';
import { startWorker } from './jobs/worker.ts';
import { systemClock } from './lib/clock.ts';
import { closeInboxStreams } from './modules/notify/index.ts';
import type { Logger } from './lib/logger.ts';

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

export type Running = { url: string | undefined; stop(): Promise<void> };

/** How long requests in flight may finish at shutdown before their connections are closed. */
const inFlightGraceMs = 2_000;

export async function startSteward(config: Config, logger: Logger): Promise<Running> {
  const started = performance.now();
  let ready = false;
  const database = await openDatabase(config, logger);
  const deps: Deps = { db: database.db, clock: systemClock, config, logger };
  let server: ServerType | undefined;
  let worker: Pick<Runner, 'stop'> | undefined;

  // Stops taking requests, lets those in flight finish for a moment, then closes what is left
  // open — the inbox's event streams never end by themselves (their clients reconnect to
  // another process) — stops the worker after its running jobs, and closes the database.
  const stop = async () => {
    ready = false;
    const closed = new Promise<void>((resolve) =>
      server ? server.close(() => resolve()) : resolve(),
    );
    if (server && 'closeIdleConnections' in server) {
      const http = server;
      http.closeIdleConnections();
      setTimeout(() => http.closeAllConnections(), inFlightGraceMs).unref();
    }
    await closeInboxStreams();
    await closed;
    await worker?.stop();
    await database.shutdown();
  };

  try {
    const applied = await migrateToLatest(database.db, database.pool);
    if (applied.length > 0) logger.info({ applied }, 'migrated the database');
    await sealStoredSecrets(deps);

    const seedDemo =
      config.demo === 'on' ||
      (config.demo === 'auto' && database.embedded && !(await hasAnyWorkspace(database.db)));
    if (seedDemo) {
      logger.info('seeding the demo workspace');
      await seedDemoWorkspace(deps);
    }

    if (config.role !== 'web') {
      worker = await startWorker({
        pool: database.pool,
        taskList: stewardTasks(deps),
        concurrency: config.workerConcurrency,
        logger,
      });
    }

    let url: string | undefined;
    if (config.role !== 'worker') {
      const app = buildApp(deps, { ready: () => ready, webRoot });
      server = await new Promise<ServerType>((resolve, reject) => {
        const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
          resolve(s),
        );
        s.once('error', reject);
      });
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    }
    ready = true;
    logger.info(
      {
        role: config.role,
        url,
        embedded: database.embedded,
        startMs: Math.round(performance.now() - started),
      },
      'Steward is ready',
    );
    if (url && (await demoLogins(database.db)).length > 0) {
      process.stdout.write(
        `\nSteward is running at ${url}\nDemo sign-in: ${(await demoLogins(database.db)).join(', ')} — password steward-demo\n\n`,
      );
    }
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

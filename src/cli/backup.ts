// `steward backup <file>` and `steward restore <file>`.
//
// With DATABASE_URL: PostgreSQL's own pg_dump (custom format) and pg_restore, from PATH or
// STEWARD_PG_BIN, of the same major version as the server (docs/operations.md).
//
// With the embedded server: its package ships the server (postgres, pg_ctl, initdb) but not
// pg_dump, and the machine's pg_dump refuses a newer server. So the backup is physical, taken
// online through the server's own low-level API (pg_backup_start / pg_backup_stop): the cluster's
// files copied while it runs, the backup label it answers, and the write-ahead log written
// meanwhile — the same contents pg_basebackup produces. Restored into a data directory, the
// server replays that log on its first start and opens a consistent copy.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readConfig, type Config } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { createLogger } from '../lib/logger.ts';

/** What a base backup leaves out (PostgreSQL's "Making a Base Backup Using the Low Level API"). */
const skippedFiles = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'tablespace_map',
]);
const emptiedDirs = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) =>
      reject(new Error(`${command} could not be run (${error.message}).`)),
    );
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${stderr.trim()}`)),
    );
  });
}

const pgTool = (name: string) =>
  process.env.STEWARD_PG_BIN ? path.join(process.env.STEWARD_PG_BIN, name) : name;

/** The cluster's files as a base backup takes them: no server state, empty WAL directories. */
async function copyCluster(from: string, to: string): Promise<void> {
  await cp(from, to, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(from, source);
      if (relative === '') return true;
      const name = path.basename(source);
      // Files the server makes and removes as it runs, and rebuilds on start.
      if (name.startsWith('pgsql_tmp') || name === 'pg_internal.init') return false;
      const [top = '', ...rest] = relative.split(path.sep);
      if (rest.length === 0 && skippedFiles.has(top)) return false;
      return !(emptiedDirs.has(top) && rest.length > 0);
    },
  });
}

async function backupEmbedded(config: Config, file: string): Promise<void> {
  const logger = createLogger('warn');
  const database = await openDatabase(config, logger, { joinRunning: true });
  const staging = await mkdtemp(path.join(os.tmpdir(), 'steward-backup-'));
  const client = new pg.Client({ connectionString: database.connectionString });
  try {
    await client.connect();
    await client.query(`select pg_backup_start('steward backup', true)`);
    const clusterDir = path.join(config.dataDir, 'postgres');
    const copy = path.join(staging, 'postgres');
    await copyCluster(clusterDir, copy);
    // Answered once the last WAL segment the backup needs is written: copied after it.
    const { rows } = await client.query<{ labelfile: string; spcmapfile: string | null }>(
      'select labelfile, spcmapfile from pg_backup_stop(false)',
    );
    await writeFile(path.join(copy, 'backup_label'), rows[0]?.labelfile ?? '');
    if (rows[0]?.spcmapfile) await writeFile(path.join(copy, 'tablespace_map'), rows[0].spcmapfile);
    for (const segment of await readdir(path.join(clusterDir, 'pg_wal'))) {
      if (/^[0-9A-F]{24}$/.test(segment)) {
        await cp(path.join(clusterDir, 'pg_wal', segment), path.join(copy, 'pg_wal', segment));
      }
    }
    await mkdir(path.join(copy, 'pg_wal', 'archive_status'), { recursive: true });
    // The superuser's password the restored cluster still expects.
    await cp(
      path.join(config.dataDir, 'postgres-password'),
      path.join(staging, 'postgres-password'),
    );
    await run('tar', ['-czf', path.resolve(file), '-C', staging, 'postgres', 'postgres-password']);
  } finally {
    await client.end().catch(() => undefined);
    await database.shutdown();
    await rm(staging, { recursive: true, force: true });
  }
}

async function restoreEmbedded(config: Config, file: string): Promise<void> {
  if (existsSync(path.join(config.dataDir, 'postgres', 'PG_VERSION'))) {
    throw new Error(
      `${config.dataDir} already holds a database. Restore into a new STEWARD_DATA_DIR (or move this one aside) with Steward stopped.`,
    );
  }
  await mkdir(config.dataDir, { recursive: true });
  await run('tar', ['-xzf', path.resolve(file), '-C', config.dataDir]);
  // As root, the embedded server runs as the `postgres` user, which must own its cluster.
  if (process.getuid?.() === 0) {
    await run('chown', ['-R', 'postgres:postgres', path.join(config.dataDir, 'postgres')]);
  }
  // Started once here, so the server replays the backup's log now and the next start is plain.
  const logger = createLogger('warn');
  const database = await openDatabase(config, logger);
  await database.shutdown();
}

export async function backupCommand(file: string): Promise<void> {
  const config = readConfig();
  if (config.databaseUrl) {
    await run(pgTool('pg_dump'), ['--format=custom', `--file=${file}`, config.databaseUrl]);
  } else {
    await backupEmbedded(config, file);
  }
  process.stdout.write(`Backed up to ${file}\n`);
}

export async function restoreCommand(file: string): Promise<void> {
  const config = readConfig();
  if (!existsSync(file)) throw new Error(`There is no backup at ${file}.`);
  if (config.databaseUrl) {
    await run(pgTool('pg_restore'), [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--exit-on-error',
      `--dbname=${config.databaseUrl}`,
      file,
    ]);
  } else {
    await restoreEmbedded(config, file);
  }
  process.stdout.write(`Restored ${file}\n`);
}

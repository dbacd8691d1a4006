// The run's PostgreSQL databases, without Vitest's per-file context (globalSetup uses this too):
// the migrated template every test file clones, and the demo template — the demo workspace
// seeded once per run — that browser tests and demo checks clone instead of seeding again.
import pg from 'pg';
import { readConfig } from '../../src/config.ts';
import { connect, type Connection } from '../../src/db/connect.ts';
import { seedDemoWorkspace } from '../../src/demo/index.ts';
import type { Deps } from '../../src/context.ts';
import { systemClock, type Clock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';

export const templateDatabase = 'steward_template';
export const demoTemplate = 'steward_demo';
/** Held while the demo template is built, so that one process builds it and the others wait. */
const demoTemplateLock = 7_461_001;

export type TestDatabase = Connection & { url: string; name: string };

/** `serverUrl` with its database swapped for `name`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function openDatabase(serverUrl: string, name: string, poolSize?: number): TestDatabase {
  const url = databaseUrl(serverUrl, name);
  return { ...connect(url, poolSize ? { max: poolSize } : undefined), url, name };
}

/**
 * A connection to the server's maintenance database: never to a template, which cannot be
 * cloned while anyone is connected to it (the run's URL names the migrated template).
 */
export async function withAdmin<T>(
  serverUrl: string,
  work: (admin: pg.Client) => Promise<T>,
): Promise<T> {
  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export async function cloneDatabase(
  admin: pg.Client,
  template: string,
  name: string,
): Promise<void> {
  // Two files cloning at once, or a backend still closing, briefly "uses" the template.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code === '55006';
      if (!busy || attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/** The app's dependencies on a test database, as the server and the demo seed use them. */
export function testDeps(database: TestDatabase, clock: Clock = systemClock): Deps {
  return {
    db: database.db,
    clock,
    config: readConfig({}, { databaseUrl: database.url }),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
  };
}

/**
 * Builds the run's demo template once: the first caller seeds it while holding an advisory
 * lock; later callers wait for the lock and find it built.
 */
export async function ensureDemoTemplate(serverUrl: string): Promise<void> {
  await withAdmin(serverUrl, async (admin) => {
    await admin.query('select pg_advisory_lock($1)', [demoTemplateLock]);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [
        demoTemplate,
      ]);
      if (found.rowCount) return;
      const building = `${demoTemplate}_building`;
      await admin.query(`drop database if exists ${building}`);
      await cloneDatabase(admin, templateDatabase, building);
      const database = openDatabase(serverUrl, building);
      try {
        await seedDemoWorkspace(testDeps(database));
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} rename to ${demoTemplate}`);
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [demoTemplateLock]);
    }
  });
}

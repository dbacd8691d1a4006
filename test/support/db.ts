// A database of this test file's own, cloned from the migrated template — or from the demo
// template, which holds the demo workspace seeded once per run for every file that needs it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { connect, type Connection } from '../../src/db/connect.ts';
import { seedDemoWorkspace } from '../../src/demo/index.ts';
import type { Deps } from '../../src/http/deps.ts';
import { readConfig } from '../../src/config.ts';
import { systemClock, type Clock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { templateDatabase } from './globalSetup.ts';

const demoTemplate = 'steward_demo';
/** Held while the demo template is built, so that one file builds it and the others wait. */
const demoTemplateLock = 7_461_001;

export type TestDatabase = Connection & { url: string; name: string };

function databaseUrl(name: string): string {
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function cloneDatabase(admin: pg.Client, template: string, name: string): Promise<void> {
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

async function ensureDemoTemplate(): Promise<void> {
  await withAdmin(async (admin) => {
    await admin.query('select pg_advisory_lock($1)', [demoTemplateLock]);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [
        demoTemplate,
      ]);
      if (found.rowCount) return;
      const building = `${demoTemplate}_building`;
      await admin.query(`drop database if exists ${building}`);
      await cloneDatabase(admin, templateDatabase, building);
      const database = {
        ...connect(databaseUrl(building)),
        url: databaseUrl(building),
        name: building,
      };
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

/** `demo`: with the demo workspace already seeded (as on a first start), instead of empty. */
export async function createTestDatabase(from: 'empty' | 'demo' = 'empty'): Promise<TestDatabase> {
  if (from === 'demo') await ensureDemoTemplate();
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) =>
    cloneDatabase(admin, from === 'demo' ? demoTemplate : templateDatabase, name),
  );
  return { ...connect(databaseUrl(name), { max: 5 }), url: databaseUrl(name), name };
}

/** A database for the current test file, closed after its last test. */
export async function useTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  afterAll(() => database.close());
  return database;
}

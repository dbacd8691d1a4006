// A database of this test file's own, cloned from the migrated template — or from the demo
// template, with the demo workspace already seeded (see databases.ts) — or, for a migration's
// test, made empty and migrated step by step.
import { randomBytes } from 'node:crypto';
import { Migrator } from 'kysely';
import { afterAll, inject } from 'vitest';
import { migrations } from '../../src/db/migrations/index.ts';
import {
  cloneDatabase,
  demoTemplate,
  ensureDemoTemplate,
  openDatabase,
  templateDatabase,
  withAdmin,
  type TestDatabase,
} from './databases.ts';

export { testDeps, type TestDatabase } from './databases.ts';

/** `demo`: with the demo workspace already seeded (as on a first start), instead of empty. */
export async function createTestDatabase(from: 'empty' | 'demo' = 'empty'): Promise<TestDatabase> {
  const serverUrl = inject('postgresUrl');
  if (from === 'demo') await ensureDemoTemplate(serverUrl);
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) =>
    cloneDatabase(admin, from === 'demo' ? demoTemplate : templateDatabase, name),
  );
  return openDatabase(serverUrl, name, 5);
}

/** A database for the current test file, closed after its last test. */
export async function useTestDatabase(from: 'empty' | 'demo' = 'empty'): Promise<TestDatabase> {
  const database = await createTestDatabase(from);
  afterAll(() => database.close());
  return database;
}

/**
 * A database for one migration's test file, closed after its last test: empty until
 * `migrateTo` takes it up to a migration, so the test can write rows as the code before the
 * migration left them and then migrate on. A migration that fails throws.
 */
export async function useMigratingDatabase(): Promise<
  TestDatabase & { migrateTo(migration: string): Promise<void> }
> {
  const serverUrl = inject('postgresUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`create database ${name}`));
  const database = openDatabase(serverUrl, name, 2);
  afterAll(() => database.close());
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
  });
  return Object.assign(database, {
    async migrateTo(migration: string) {
      const { error } = await migrator.migrateTo(migration);
      if (error) throw error;
    },
  });
}

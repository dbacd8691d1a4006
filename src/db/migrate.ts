// Runs Steward's migrations, then graphile-worker's, so a migrated database is ready for both.
import { runMigrations as runWorkerMigrations } from 'graphile-worker';
import { Migrator, type MigrationProvider } from 'kysely';
import type pg from 'pg';
import type { Db } from './connect.ts';
import { migrations } from './migrations/index.ts';

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db, pool: pg.Pool): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed`, { cause: error });
  }
  await runWorkerMigrations({ pgPool: pool });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

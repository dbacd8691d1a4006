// Deps for tests: the file's own database, a clock the test moves, a quiet logger.
import { readConfig } from '../../src/config.ts';
import type { Deps } from '../../src/http/deps.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { useTestDatabase } from './db.ts';

export async function useTestDeps(now = '2026-11-02T09:00:00Z') {
  const database = await useTestDatabase();
  const clock = fixedClock(now);
  const deps: Deps = {
    db: database.db,
    clock,
    config: readConfig({}, { databaseUrl: database.url, publicUrl: undefined }),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
  };
  return { deps, clock, database };
}

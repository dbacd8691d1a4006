// Deps for tests: the file's own database, a clock the test moves, a quiet logger.
import { fixedClock } from '../../src/lib/clock.ts';
import { testDeps, useTestDatabase } from './db.ts';

export async function useTestDeps(now = '2026-11-02T09:00:00Z') {
  const database = await useTestDatabase();
  const clock = fixedClock(now);
  return { deps: testDeps(database, clock), clock, database };
}

// For one-shot commands: open and migrate the database, run, and close it again.
import { readConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import type { Deps } from '../context.ts';
import { systemClock } from '../lib/clock.ts';
import { createLogger } from '../lib/logger.ts';
import { sealStoredSecrets } from '../modules/intake/sealSecrets.ts';

export type CommandContext = { deps: Deps; applied: string[] };

export async function withDatabase(run: (context: CommandContext) => Promise<void>): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await openDatabase(config, logger, { joinRunning: true });
  try {
    const applied = await migrateToLatest(database.db, database.pool);
    const deps: Deps = { db: database.db, clock: systemClock, config, logger };
    await sealStoredSecrets(deps);
    await run({ deps, applied });
  } finally {
    await database.shutdown();
  }
}

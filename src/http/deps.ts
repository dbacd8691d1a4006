// What route factories and jobs are given: the database, the clock, the configuration.
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';

export type Deps = {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
};

// What the whole application shares, whatever runs it (HTTP, jobs, the CLI, the demo seed):
// the database, the clock, the configuration, and who is acting. Kept out of `http/` so a
// service or a job never has to import HTTP to be called.
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import type { Role } from './db/schema.ts';
import type { Clock } from './lib/clock.ts';
import type { UserId, WorkspaceId } from './lib/ids.ts';
import type { Logger } from './lib/logger.ts';
import type { Locale } from './i18n/index.ts';
import type { Permission } from './modules/auth/permissions.ts';

export type Deps = {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
};

export type Actor = {
  userId: UserId;
  workspaceId: WorkspaceId;
  role: Role;
  permissions: ReadonlySet<Permission>;
  /** The person's language and time zone: what the server writes for them is rendered in these. */
  locale: Locale;
  timeZone: string;
  /** A session cookie must pass the origin check on writes; a bearer token need not. */
  via: 'session' | 'token';
};

export type { Permission };

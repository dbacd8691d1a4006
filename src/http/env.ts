// What every request carries through Hono: its id, its logger and who is asking.
import type { Logger } from '../lib/logger.ts';
import type { UserId, WorkspaceId } from '../lib/ids.ts';
import type { Role } from '../db/schema.ts';
import type { Permission } from '../modules/auth/permissions.ts';

export type Actor = {
  userId: UserId;
  workspaceId: WorkspaceId;
  role: Role;
  permissions: ReadonlySet<Permission>;
  /** A session cookie must pass the origin check on writes; a bearer token need not. */
  via: 'session' | 'token';
};

export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    actor: Actor | undefined;
  };
};

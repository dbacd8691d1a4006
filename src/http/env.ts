// What every request carries through Hono: its id, its logger and who is asking.
import type { Actor } from '../context.ts';
import type { Logger } from '../lib/logger.ts';

export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    actor: Actor | undefined;
  };
};

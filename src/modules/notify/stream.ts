// Live inbox updates: one dedicated PostgreSQL connection per process LISTENs on
// `steward_notifications` (store.ts wakeInboxes NOTIFYs with a user id when a notification
// commits) and wakes that person's open server-sent-event streams.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../config.ts';
import type { Logger } from '../../lib/logger.ts';

type Listener = () => void;

export type InboxHub = { subscribe(userId: string, wake: Listener): () => void };

let hub: Promise<InboxHub> | undefined;

/** DATABASE_URL, or the embedded server's address that `steward start` leaves in the data dir. */
function connectionString(config: Config): string {
  return (
    config.databaseUrl ?? readFileSync(path.join(config.dataDir, 'postgres-url'), 'utf8').trim()
  );
}

async function startHub(config: Config, logger: Logger): Promise<InboxHub> {
  const listeners = new Map<string, Set<Listener>>();
  const client = new pg.Client({ connectionString: connectionString(config) });
  client.on('notification', (message) => {
    for (const wake of listeners.get(message.payload ?? '') ?? []) wake();
  });
  client.on('error', (error) => {
    logger.warn({ err: error }, 'inbox listener lost its connection; streams will reconnect');
    hub = undefined;
    for (const set of listeners.values()) for (const wake of set) wake();
  });
  await client.connect();
  await client.query('listen steward_notifications');
  return {
    subscribe(userId, wake) {
      const set = listeners.get(userId) ?? new Set();
      set.add(wake);
      listeners.set(userId, set);
      return () => {
        set.delete(wake);
        if (set.size === 0) listeners.delete(userId);
      };
    },
  };
}

export function inboxHub(config: Config, logger: Logger): Promise<InboxHub> {
  hub ??= startHub(config, logger).catch((error: unknown) => {
    hub = undefined;
    throw error;
  });
  return hub;
}

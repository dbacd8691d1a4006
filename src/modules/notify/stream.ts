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
let hubClient: pg.Client | undefined;
const allListeners = new Map<string, Set<Listener>>();

/** DATABASE_URL, or the embedded server's address that `steward start` leaves in the data dir. */
function connectionString(config: Config): string {
  return (
    config.databaseUrl ?? readFileSync(path.join(config.dataDir, 'postgres-url'), 'utf8').trim()
  );
}

async function startHub(config: Config, logger: Logger): Promise<InboxHub> {
  const listeners = allListeners;
  const client = new pg.Client({ connectionString: connectionString(config) });
  hubClient = client;
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

/**
 * At shutdown: the listening connection ends, and every open stream is woken so that it sees
 * its client gone (the server closes their connections) and ends instead of waiting for the
 * next heartbeat.
 */
export async function closeInboxStreams(): Promise<void> {
  const client = hubClient;
  hub = undefined;
  hubClient = undefined;
  for (const set of allListeners.values()) for (const wake of set) wake();
  await client?.end().catch(() => undefined);
}

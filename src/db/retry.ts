// A transaction PostgreSQL ended to break a deadlock, or for a serialization failure, did
// nothing: it is run again from the start, so a writer meeting another one in an order no
// code foresaw answers with its work done, not a 500.
import type { Db } from './connect.ts';

/** Deadlock detected, serialization failure. */
const retriable = new Set(['40P01', '40001']);

/** How many times a transaction is run at most. */
const attempts = 4;

/** The SQLSTATE of a failed statement (or a socket's error code), or '' for any other error. */
function sqlState(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/**
 * Connection refused, reset or timed out; the server shutting down or starting up; a
 * connection failure PostgreSQL reports (class 08).
 */
const unreachable = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03']);

/**
 * What passing trouble with the database a failure was, if it was: `busy` for a transaction
 * PostgreSQL ended (a deadlock, a serialization failure) that a retry would likely get through,
 * `unavailable` for a database that cannot be reached just now.
 */
export function databaseTrouble(error: unknown): 'busy' | 'unavailable' | undefined {
  const state = sqlState(error);
  if (retriable.has(state)) return 'busy';
  if (unreachable.has(state) || state.startsWith('08')) return 'unavailable';
  return undefined;
}

/**
 * Runs `work` in a transaction, again when PostgreSQL ended it for a deadlock or a
 * serialization failure (up to four runs). `prepare` runs before each one, outside it;
 * `alsoRetry` may take another failure as worth a new run, after setting right what failed.
 */
export async function retriedTransaction<T>(
  db: Db,
  work: (trx: Db) => Promise<T>,
  options: { prepare?: () => Promise<void>; alsoRetry?: (state: string) => boolean } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      await options.prepare?.();
      return await db.transaction().execute(work);
    } catch (error) {
      const state = sqlState(error);
      const again = retriable.has(state) || (options.alsoRetry?.(state) ?? false);
      if (attempt >= attempts || !again) throw error;
    }
  }
}

// The connection pool and the typed query builder over it.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// bigint (money in minor units, counts) as numbers: amounts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// Dates without a time are calendar days: keep them as `YYYY-MM-DD`, never shift by zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export type Db = Kysely<Database>;

export type Connection = { db: Db; pool: pg.Pool; close(): Promise<void> };

export function connect(
  connectionString: string,
  options: { max?: number; onIdleError?: (error: Error) => void } = {},
): Connection {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 20 });
  // An idle client losing its connection (server restart) must not crash the process; the
  // pool replaces it and the next query reports any lasting problem.
  const report = (error: Error) => options.onIdleError?.(error);
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}

// The connection pool and the typed query builder over it, and named (server-side prepared)
// statements for the few hot queries that opt in with `prepared`.
import { Kysely, PostgresDialect, sql, type Compilable } from 'kysely';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// bigint (money in minor units, counts) as numbers: amounts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// Dates without a time are calendar days: keep them as `YYYY-MM-DD`, never shift by zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export type Db = Kysely<Database>;

export type Connection = { db: Db; pool: pg.Pool; close(): Promise<void> };

/**
 * The statement name of each SQL text that opted in, the same in every pool of the process.
 * PostgreSQL keeps a named statement per connection for the connection's life, so the names
 * are bounded: each opted-in query keeps at most `variantsPerQuery` texts (its filters and
 * sort give it several), and any text beyond those runs unnamed, planned each time as before.
 */
const statementNames = new Map<string, string>();
const variantsOf = new Map<string, number>();
const variantsPerQuery = 24;

/**
 * A hot query compiled to run as a named statement: PostgreSQL parses it once per connection
 * and, once its plan proves as good without the values (after five runs), stops planning it.
 * Run it with `db.executeQuery(prepared('name', query))`; the values must not change the best
 * plan much (a page size as a parameter does — put such values in the text).
 */
export function prepared<R>(name: string, query: Compilable<R>) {
  const compiled = query.compile();
  if (!statementNames.has(compiled.sql)) {
    const variants = variantsOf.get(name) ?? 0;
    if (variants < variantsPerQuery) {
      statementNames.set(compiled.sql, `${name}_${variants}`);
      variantsOf.set(name, variants + 1);
    }
  }
  return compiled;
}

/** The pool as Kysely sees it: each client sends an opted-in text as its named statement. */
function namingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    function query<R>(text: string, values: readonly unknown[]): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query<R>(
      text: string | PostgresCursor<R>,
      values: readonly unknown[] = [],
    ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
      // Kysely streams through a cursor only when its dialect has one, and this one has none.
      if (typeof text !== 'string') throw new Error('this pool streams no cursors');
      const name = statementNames.get(text);
      const config: pg.QueryConfig = { text, values: [...values] };
      if (name) config.name = name;
      // pg's result is Kysely's (rows, rowCount and command), typed more loosely.
      return client.query(config) as Promise<unknown> as Promise<PostgresQueryResult<R>>;
    }
    return { query, release: () => client.release() };
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      let named = wrapped.get(client);
      if (!named) {
        named = wrap(client);
        wrapped.set(client, named);
      }
      return named;
    },
    end: () => pool.end(),
  };
}

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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namingPool(pool) }) });
  return { db, pool, close: () => db.destroy() };
}

/**
 * Whether the database answers a trivial query within `timeoutMs`: readiness, so a process
 * whose database went away (or hangs) leaves the load balancer's rotation. A query that times
 * out is left to finish on its own; the pool gives its client back when it does.
 */
export async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([sql`select 1`.execute(db).then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

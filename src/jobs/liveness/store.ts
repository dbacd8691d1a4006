// The SQL of worker liveness: session advisory locks named by graphile-worker's worker ids,
// and the jobs those workers hold (graphile-worker's own table, read only).
import type pg from 'pg';

/** The advisory lock class of worker liveness; the worker id's hash is the lock's key. */
const livenessLockClass = 7_461_015;

export async function holdWorkerLock(client: pg.ClientBase, workerId: string): Promise<void> {
  await client.query('select pg_advisory_lock($1, hashtext($2))', [livenessLockClass, workerId]);
}

/** Worker ids holding jobs locked for longer than `graceSeconds`. */
export async function workersHoldingJobs(pool: pg.Pool, graceSeconds: number): Promise<string[]> {
  const { rows } = await pool.query<{ locked_by: string }>(
    `select distinct locked_by from graphile_worker._private_jobs
     where locked_by is not null and locked_at < now() - make_interval(secs => $1)`,
    [graceSeconds],
  );
  return rows.map((r) => r.locked_by);
}

/** True when no session holds the worker's lock: the process that ran it is gone. */
export async function workerIsGone(client: pg.ClientBase, workerId: string): Promise<boolean> {
  const { rows } = await client.query<{ free: boolean }>(
    'select pg_try_advisory_lock($1, hashtext($2)) as free',
    [livenessLockClass, workerId],
  );
  if (!rows[0]?.free) return false;
  await client.query('select pg_advisory_unlock($1, hashtext($2))', [livenessLockClass, workerId]);
  return true;
}

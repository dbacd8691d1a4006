// Queued jobs run inside a test as the worker would run them: once, until none is due, on a
// client of the test's own pool, with graphile-worker's log silenced.
import { Logger, runTaskListOnce, type TaskList } from 'graphile-worker';
import type pg from 'pg';

const silent = new Logger(() => () => {});

/**
 * `useNodeTime`: compare run_at with Node's clock, so a test that fakes `Date` decides what is
 * due; otherwise PostgreSQL's clock does.
 */
export async function runTasksOnce(
  pool: pg.Pool,
  tasks: TaskList,
  options: { useNodeTime?: boolean } = {},
): Promise<void> {
  const client = await pool.connect();
  try {
    await runTaskListOnce({ ...options, logger: silent }, tasks, client).promise;
  } finally {
    client.release();
  }
}

// Queued jobs run inside a test as the worker would run them: once, until none is due, on a
// client of the test's own pool, with graphile-worker's log silenced; and what waits for them:
// the accounts announced as changed.
import { Logger, runTaskListOnce, type TaskList } from 'graphile-worker';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Db } from '../../src/db/connect.ts';

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

/** The workspace's accounts announced as changed and not yet taken by the worker, by id. */
export async function changedAccounts(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('account_changes')
    .select('account_id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('account_id')
    .execute();
  return rows.map((r) => r.account_id);
}

/** Whether the workspace's wake-up job for its changed accounts is waiting. */
export async function changedAccountsJobWaiting(db: Db, workspaceId: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from graphile_worker._private_jobs
    where key = ${`accounts__changed:${workspaceId}`}`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * Resolves once `work` has settled or at least `waiters` of this database's connections wait for
 * a lock another transaction holds (gives up after about five seconds): how a test makes two
 * transactions meet where a deadlock would.
 */
export async function untilWaitingForLock(
  db: Db,
  work: Promise<unknown>,
  waiters = 1,
): Promise<void> {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 500 && !settled; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if ((rows[0]?.n ?? 0) >= waiters) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// Steward's background tasks: one typed registry. Names say entity and action; every handler
// parses its payload with zod, because a job queued by last week's code outlives the code.
import { sql } from 'kysely';
import type { Task, TaskList } from 'graphile-worker';
import type { z } from 'zod';
import type { Db } from '../db/connect.ts';
import type { Deps } from '../http/deps.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      import__run: { importId: string };
    }
  }
}

export type TaskName = keyof GraphileWorker.Tasks;

/** A task handler: plain function of deps and a parsed payload, so tests can call it directly. */
export type JobHandler<K extends TaskName> = (
  deps: Deps,
  payload: GraphileWorker.Tasks[K],
) => Promise<void>;

export type JobDefinition<K extends TaskName> = {
  payload: z.ZodType<GraphileWorker.Tasks[K]>;
  run: JobHandler<K>;
};

export function toTaskList(deps: Deps, jobs: { [K in TaskName]: JobDefinition<K> }): TaskList {
  const list: TaskList = {};
  for (const name of Object.keys(jobs) as TaskName[]) {
    const job = jobs[name];
    const task: Task = async (raw) => job.run(deps, job.payload.parse(raw));
    list[name] = task;
  }
  return list;
}

/**
 * Queues a job in the caller's transaction, so it exists exactly when the change that asked
 * for it does. A `jobKey` replaces an earlier job with the same key (debounce, timers).
 */
export async function enqueue<K extends TaskName>(
  db: Db,
  name: K,
  payload: GraphileWorker.Tasks[K],
  options: { jobKey?: string; runAt?: Date; maxAttempts?: number } = {},
): Promise<void> {
  await sql`select graphile_worker.add_job(
    ${name}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? 5}::int,
    job_key => ${options.jobKey ?? null}::text
  )`.execute(db);
}

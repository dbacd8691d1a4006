// Steward's background tasks: one typed registry. Names say entity and action; every handler
// parses its payload with zod, because a job queued by last week's code outlives the code.
import { sql } from 'kysely';
import type { Task, TaskList } from 'graphile-worker';
import type { z } from 'zod';
import type { Db } from '../db/connect.ts';
import type { Deps } from '../context.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      import__run: { importId: string };
      usage__maintain_partitions: Record<string, unknown>;
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

export type JobDefinitions = { [K in TaskName]: JobDefinition<K> };

/** Some or all of the jobs as graphile-worker tasks (a test may run one module's jobs). */
export function toTaskList(deps: Deps, jobs: Partial<JobDefinitions>): TaskList {
  const list: TaskList = {};
  // Generic per name, so each handler is paired with its own payload schema.
  const add = <K extends TaskName>(name: K) => {
    const job: JobDefinition<K> | undefined = jobs[name];
    if (!job) return;
    const task: Task = async (raw) => job.run(deps, job.payload.parse(raw));
    list[name] = task;
  };
  for (const name of Object.keys(jobs) as TaskName[]) add(name);
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

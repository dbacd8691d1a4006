// Steward's background tasks: one typed registry. Names say entity and action; every handler
// parses its payload with zod, because a job queued by last week's code outlives the code.
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Task, TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import type { Deps } from '../context.ts';

// Each module declares its tasks beside their zod payloads (`declare global { namespace
// GraphileWorker { interface Tasks { … } } }` in its jobs file), the type inferred from the schema.
export type TaskName = keyof GraphileWorker.Tasks;

/** A cron job's payload: graphile-worker's `_cron` metadata, which no handler reads. */
export const cronPayload = z.looseObject({});

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

/** graphile-worker's `job_spec`: one job for `add_jobs`. */
export type JobSpec = { readonly __jobSpec: unique symbol };

export type JobOptions = {
  /** A job with the same key is replaced (debounce, timers); see `jobKeyMode`. */
  jobKey?: string;
  runAt?: Date;
  /** Due this many seconds after the database's now (job times are the database's). */
  runInSeconds?: number;
  maxAttempts?: number;
};

/**
 * `replace` (the default): a waiting job with the key takes the new payload and time.
 * `preserve_run_at`: it takes the payload but keeps its time, so a stream of requests does
 * not keep pushing it back. Either way a job already running keeps going and a new one waits.
 */
export type JobKeyMode = 'replace' | 'preserve_run_at';

/**
 * Queues a job in the caller's transaction, so it exists exactly when the change that asked
 * for it does. A `jobKey` replaces an earlier job with the same key (debounce, timers).
 */
export async function enqueue<K extends TaskName>(
  db: Db,
  name: K,
  payload: GraphileWorker.Tasks[K],
  options: JobOptions & { jobKeyMode?: JobKeyMode } = {},
): Promise<void> {
  await sql`select graphile_worker.add_job(
    ${name}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${runAt(options)},
    max_attempts => ${options.maxAttempts ?? 5}::int,
    job_key => ${options.jobKey ?? null}::text,
    job_key_mode => ${options.jobKeyMode ?? 'replace'}::text
  )`.execute(db);
}

function runAt(options: JobOptions): RawBuilder<Date | null> {
  if (options.runInSeconds !== undefined) {
    return sql<Date>`now() + make_interval(secs => ${options.runInSeconds}::float8)`;
  }
  return sql<Date | null>`${options.runAt ?? null}::timestamptz`;
}

/**
 * Many jobs in one `add_jobs` call (in the caller's transaction), each with its own payload,
 * key, time and attempts: one statement however many, where `add_job` per job would be a round
 * trip and a lookup by key each. Given several names (an announcement's subscribers,
 * announce.ts), each job is queued once under each, so a keyed job takes one name: keys must
 * differ within one call. Returns how many jobs were queued or replaced.
 */
export async function enqueueMany<K extends TaskName>(
  db: Db,
  names: K | readonly K[],
  jobs: readonly (JobOptions & { payload: GraphileWorker.Tasks[K] })[],
  options: { jobKeyMode?: JobKeyMode } = {},
): Promise<number> {
  if (jobs.length === 0) return 0;
  const specs = sql<JobSpec[]>`array(
    select ${specRow(sql`n.name`, {
      payload: sql`j.payload::json`,
      runAt: sql`coalesce(j.run_at, now() + make_interval(secs => j.run_in))`,
      jobKey: sql`j.job_key`,
      maxAttempts: sql`j.max_attempts`,
    })}
    from unnest(${typeof names === 'string' ? [names] : names}::text[]) as n(name),
      unnest(
        ${jobs.map((j) => JSON.stringify(j.payload))}::text[],
        ${jobs.map((j) => j.runAt?.toISOString() ?? null)}::timestamptz[],
        ${jobs.map((j) => j.runInSeconds ?? 0)}::float8[],
        ${jobs.map((j) => j.jobKey ?? null)}::text[],
        ${jobs.map((j) => j.maxAttempts ?? 5)}::int[]
      ) as j(payload, run_at, run_in, job_key, max_attempts))`;
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${addJobs(specs, options)} job`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Removes the waiting job with this key (a timer stopped), in the caller's transaction; nothing
 * when there is none. A job already running finishes.
 */
export async function removeJob(db: Db, jobKey: string): Promise<void> {
  await sql`select graphile_worker.remove_job(${jobKey}::text)`.execute(db);
}

/** A payload written in SQL field by field, so the task's payload type names the fields. */
export type PayloadExpression<K extends TaskName> = {
  [F in keyof GraphileWorker.Tasks[K]]-?: Expression<GraphileWorker.Tasks[K][F]>;
};

/**
 * One job as a SQL expression over the rows of a query, to queue one job per row inside a
 * statement (`array_agg(jobSpec(…))` fed to `addJobs`): 100,000 SLA timers in one statement,
 * where a call per job would be minutes.
 */
export function jobSpec<K extends TaskName>(
  name: K,
  job: {
    payload: PayloadExpression<K>;
    runAt?: Expression<Date | null>;
    jobKey?: Expression<string | null>;
    maxAttempts?: number;
  },
): RawBuilder<JobSpec> {
  const fields = Object.entries(job.payload as Record<string, Expression<unknown>>);
  return specRow(sql.val(name), {
    payload: sql`json_build_object(${sql.join(
      fields.map(([field, value]) => sql`${field}::text, ${value}`),
    )})`,
    runAt: job.runAt ?? sql`null`,
    jobKey: job.jobKey ?? sql`null`,
    maxAttempts: sql`${job.maxAttempts ?? 5}::int`,
  });
}

function specRow(
  name: Expression<string>,
  job: {
    payload: Expression<unknown>;
    runAt: Expression<unknown>;
    jobKey: Expression<unknown>;
    maxAttempts: Expression<unknown>;
  },
): RawBuilder<JobSpec> {
  // Fields in job_spec's order: task, payload, queue, run_at, max_attempts, key, priority, flags.
  return sql<JobSpec>`row((${name})::text, ${job.payload}, null, (${job.runAt})::timestamptz,
    (${job.maxAttempts})::smallint, (${job.jobKey})::text, null, null)::graphile_worker.job_spec`;
}

/**
 * `graphile_worker.add_jobs(specs)` as a set-returning expression (one row per job queued or
 * replaced), for a FROM clause or a lateral join.
 */
export function addJobs(
  specs: Expression<JobSpec[] | null>,
  options: { jobKeyMode?: JobKeyMode } = {},
): RawBuilder<unknown> {
  return sql`graphile_worker.add_jobs(${specs}, ${options.jobKeyMode === 'preserve_run_at'}::boolean)`;
}

// SLA timers are graphile-worker jobs, one per task and policy (job key `sla:<task>:<policy>`):
// adding a job with the key replaces the earlier one, so a touch moves the timer, and
// removing it stops the clock while nobody can act.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import { addJobs, enqueue, jobSpec } from '../../../jobs/registry.ts';
import { taskTouchKinds } from '../kinds.ts';
import { dueDayStartSql, taskContext, type TaskContext } from '../store.ts';
import { clockStart } from './live.ts';
import { pausedStatuses, planSteps, policyMatches } from './plan.ts';
import { listPolicies, type SlaPolicy } from './policy.ts';

export const slaJobKey = (taskId: string, policyId: string) => `sla:${taskId}:${policyId}`;

/** Timers fire at most this often per job if something keeps failing; steps are idempotent. */
export const timerAttempts = 8;

export async function removeTimer(db: Db, key: string): Promise<void> {
  await sql`select graphile_worker.remove_job(${key})`.execute(db);
}

/**
 * When the policy's clock started for this task: its last touch (`untouchedFor`) or its
 * creation (`firstResponse`, until someone other than the creator acts on it; then never),
 * but never before the task is live work (live.ts).
 */
export async function epochOf(db: Db, task: TaskContext, policy: SlaPolicy): Promise<Date | null> {
  const start = await metricStart(db, task, policy);
  return start
    ? clockStart(start, {
        startedAt: task.started_at,
        startAt: task.start_at,
        dueDayStart: task.due_day_start,
      })
    : null;
}

async function metricStart(db: Db, task: TaskContext, policy: SlaPolicy): Promise<Date | null> {
  if (policy.metric === 'untouchedFor') return task.last_activity_at;
  const answered = await db
    .selectFrom('activity_events')
    .select('id')
    .where('task_id', '=', task.id)
    .where('actor_id', 'is not', null)
    .where('kind', 'in', [...taskTouchKinds])
    .$if(task.created_by !== null, (q) => q.where('actor_id', '<>', task.created_by ?? ''))
    .limit(1)
    .executeTakeFirst();
  if (answered) return null;
  // Creation as the task_created event saw it (the caller's clock), else the row's default.
  const created = await db
    .selectFrom('activity_events')
    .select('occurred_at')
    .where('task_id', '=', task.id)
    .where('kind', '=', 'task_created')
    .orderBy('occurred_at')
    .limit(1)
    .executeTakeFirst();
  return created?.occurred_at ?? task.created_at;
}

export async function holidaysOf(db: Db, workspaceId: string, policy: SlaPolicy) {
  if (!policy.businessHours) return new Set<string>();
  const rows = await db
    .selectFrom('workspace_holidays')
    .select('day')
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Set(rows.map((r) => r.day));
}

/**
 * Re-arms every SLA timer of a task after it changed. The job runs at the first step of the
 * new epoch; the check then raises what is due and re-arms itself for the step after.
 */
export async function rescheduleSlaTimers(db: Db, taskId: string): Promise<void> {
  const task = await taskContext(db, taskId);
  if (!task) return;
  const policies = await listPolicies(db, task.workspace_id, { enabledOnly: true });
  for (const policy of policies) await armTimer(db, task, policy);
}

export async function armTimer(db: Db, task: TaskContext, policy: SlaPolicy): Promise<void> {
  const key = slaJobKey(task.id, policy.id);
  const applies =
    task.deleted_at === null && !pausedStatuses.has(task.status) && policyMatches(policy, task);
  const epoch = applies ? await epochOf(db, task, policy) : null;
  if (!epoch) return removeTimer(db, key);
  const [first] = planSteps(policy, epoch, await holidaysOf(db, task.workspace_id, policy));
  await enqueue(
    db,
    'task__sla_check',
    { taskId: task.id, policyId: policy.id, epoch: epoch.toISOString() },
    { jobKey: key, runAt: first?.at ?? epoch, maxAttempts: timerAttempts },
  );
}

/**
 * A new or changed policy arms a timer on every open task it matches, in one statement (or on
 * one project's tasks, when a template laid them out). The run time ignores business hours,
 * so it is never late: a check that runs early re-arms itself for the exact instant. All timers go to graphile-worker's `add_jobs` in one array
 * (the jobs layer's `jobSpec`/`addJobs`): `add_job` once per row re-plans nothing inside the
 * transaction, so its lookup of earlier jobs by key turned into a scan of every job armed so
 * far (quadratic at 100,000 tasks).
 */
export async function armPolicyTimers(
  db: Db,
  workspaceId: string,
  policy: SlaPolicy,
  only: { projectId?: string } = {},
) {
  const m = policy.match;
  const projectId = only.projectId ?? null;
  // The same epoch epochOf() computes, or the check would take the timer for a stale one:
  // the metric's start, held back until the task is live (least and greatest skip nulls).
  const start = sql.raw(
    policy.metric === 'untouchedFor'
      ? 't.last_activity_at'
      : `coalesce((select min(e.occurred_at) from activity_events e
          where e.task_id = t.id and e.kind = 'task_created'), t.created_at)`,
  );
  const epoch = sql`greatest(${start}, least(t.started_at, coalesce(t.start_at, ${dueDayStartSql('t', 'w')})))`;
  const warnSeconds = policy.thresholdSeconds * policy.warnAt;
  const result = await sql<{ n: number }>`
    with timers as (
      select array_agg(${jobSpec('task__sla_check', {
        payload: {
          taskId: sql<string>`t.id`,
          policyId: sql<string>`${policy.id}::text`,
          epoch: sql<string>`to_char(${epoch} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        },
        runAt: sql<Date>`${epoch} + make_interval(secs => ${warnSeconds})`,
        jobKey: sql<string>`'sla:' || t.id || ':' || ${policy.id}::text`,
        maxAttempts: timerAttempts,
      })}) as specs
      from tasks t
      join workspaces w on w.id = t.workspace_id
      join accounts a on a.id = t.account_id
      left join projects p on p.id = t.project_id
      where t.workspace_id = ${workspaceId}
        and (${projectId}::uuid is null or t.project_id = ${projectId}::uuid)
        and t.deleted_at is null
        and t.status not in ('blocked', 'waiting_on_customer', 'done')
        and (cardinality(${m.accountPriority}::text[]) = 0 or a.priority = any(${m.accountPriority}::text[]))
        and (cardinality(${m.taskPriority}::text[]) = 0 or t.priority = any(${m.taskPriority}::text[]))
        and (cardinality(${m.tier}::text[]) = 0 or a.tier = any(${m.tier}::text[]))
        and (cardinality(${m.projectKind}::text[]) = 0 or p.kind = any(${m.projectKind}::text[]))
        and (cardinality(${m.tags}::text[]) = 0 or t.tags && ${m.tags}::text[])
    )
    select count(job.id)::int as n
    from timers
    left join lateral ${addJobs(sql`timers.specs`)} job on true
    where timers.specs is not null`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** The open tasks of a project a template just laid out or upgraded: every policy arms them. */
export async function armProjectTimers(db: Db, workspaceId: string, projectId: string) {
  const policies = await listPolicies(db, workspaceId, { enabledOnly: true });
  let armed = 0;
  for (const policy of policies) {
    armed += await armPolicyTimers(db, workspaceId, policy, { projectId });
  }
  return armed;
}

// SLA timers are graphile-worker jobs, one per task and policy (job key `sla:<task>:<policy>`):
// adding a job with the key replaces the earlier one, so a touch moves the timer, and
// removing it stops the clock while nobody can act.
import type { Db } from '../../../db/connect.ts';
import { enqueue, removeJob } from '../../../jobs/registry.ts';
import { taskTouchKinds } from '../kinds.ts';
import { taskContext, type TaskContext } from '../store/tasks.ts';
import { clockStart } from './live.ts';
import { pausedStatuses, planSteps, policyMatches } from './plan.ts';
import { listPolicies, type SlaPolicy } from './policy.ts';
import * as store from './store.ts';

export const slaJobKey = (taskId: string, policyId: string) => `sla:${taskId}:${policyId}`;

/** Timers fire at most this often per job if something keeps failing; steps are idempotent. */
export const timerAttempts = 8;

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
  if (await store.answeredByOther(db, task, [...taskTouchKinds])) return null;
  // Creation as the task_created event saw it (the caller's clock), else the row's default.
  return (await store.createdAtByEvent(db, task)) ?? task.created_at;
}

export async function holidaysOf(db: Db, workspaceId: string, policy: SlaPolicy) {
  if (!policy.businessHours) return new Set<string>();
  return new Set(await store.holidayDays(db, workspaceId));
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
  if (!epoch) return removeJob(db, key);
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
 * one project's tasks, when a template laid them out): see the store's `armTimersInBulk`.
 */
export async function armPolicyTimers(
  db: Db,
  workspaceId: string,
  policy: SlaPolicy,
  only: { projectId?: string } = {},
) {
  return store.armTimersInBulk(db, workspaceId, policy, {
    projectId: only.projectId ?? null,
    maxAttempts: timerAttempts,
  });
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

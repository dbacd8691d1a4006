// The SLA timer's job (`task__sla_check`) and the unanswered-mention job
// (`mention__escalate`). Both re-read the state, ignore a stale epoch, and raise each step
// through a unique row in `escalations`, so a step fires once however many workers race and
// whatever restarts happen between scheduling and firing. A clock starts only on live work
// (live.ts); what people hear is grouped per project afterwards (stepGroups.ts).
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { Deps } from '../../../context.ts';
import { enqueue, type JobHandler } from '../../../jobs/registry.ts';
import { recordActivity } from '../../accounts/index.ts';
import { managerChain } from '../../auth/index.ts';
import { taskContext, type TaskContext } from '../store/tasks.ts';
import { defaultMentionSeconds, mentionJobKey } from './mentions.ts';
import { pausedStatuses, planSteps, policyMatches, type PlannedStep } from './plan.ts';
import { findPolicy } from './policy.ts';
import { insertEscalation, mentionToEscalate } from './store.ts';
import { epochOf, holidaysOf, slaJobKey, timerAttempts } from './timers.ts';

const unique = (ids: (string | null | undefined)[]) => [
  ...new Set(ids.filter((id): id is string => typeof id === 'string')),
];

/** Who a chain step names, for this task. */
async function resolveNotify(db: Db, task: TaskContext, notify: string): Promise<string[]> {
  const person = task.assignee_id ?? task.account_owner_id;
  switch (notify) {
    case 'assignee':
      return unique([task.assignee_id]);
    case 'owner':
      return unique([task.account_owner_id]);
    case 'manager':
    case 'managersManager': {
      if (!person) return [];
      const chain = await managerChain(db, task.workspace_id as WorkspaceId, person);
      return unique([chain[notify === 'manager' ? 0 : 1]]);
    }
    default:
      return [notify];
  }
}

async function recipientsOf(db: Db, task: TaskContext, step: PlannedStep): Promise<string[]> {
  if (step.kind === 'warning') return unique([task.assignee_id ?? task.account_owner_id]);
  if (step.kind === 'breach') return unique([task.assignee_id, task.account_owner_id]);
  return resolveNotify(db, task, step.notify ?? 'manager');
}

const activityKind = {
  warning: 'sla_warning',
  breach: 'sla_breach',
  escalation: 'escalation',
} as const;

/**
 * Raises one step unless it was raised already; true when this call raised it. `tell: false`
 * records the step without telling anyone (a warning the breach already overtook).
 */
async function raiseStep(
  deps: Deps,
  task: TaskContext,
  policy: { id: string; name: string },
  epoch: Date,
  step: PlannedStep,
  at: { breach: Date | undefined; tell: boolean },
): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const recipients = await recipientsOf(trx, task, step);
    const now = deps.clock.now();
    const raised = await insertEscalation(trx, {
      workspace_id: task.workspace_id,
      task_id: task.id,
      policy_id: policy.id,
      epoch,
      step: step.step,
      kind: step.kind,
      notified_user_ids: recipients,
      raised_at: now,
    });
    if (!raised) return false;
    if (!at.tell) return true;
    await recordActivity(trx, {
      workspaceId: task.workspace_id,
      kind: activityKind[step.kind],
      actorId: null,
      accountId: task.account_id,
      projectId: task.project_id,
      taskId: task.id,
      data: {
        recipientIds: recipients,
        policyId: policy.id,
        policyName: policy.name,
        escalationId: raised.id,
        step: step.step,
        dueAt: step.at.toISOString(),
        // What a warning tells: when the breach comes.
        ...(at.breach ? { breachAt: at.breach.toISOString() } : {}),
      },
      at: now,
    });
    return true;
  });
}

export const checkTaskSla: JobHandler<'task__sla_check'> = async (deps, payload) => {
  const { db, clock } = deps;
  const task = await taskContext(db, payload.taskId);
  if (!task || task.deleted_at !== null || pausedStatuses.has(task.status)) return;
  const policy = await findPolicy(db, task.workspace_id, payload.policyId).catch(() => undefined);
  if (!policy?.enabled || !policyMatches(policy, task)) return;
  const epoch = await epochOf(db, task, policy);
  // A touch since this timer was set moved the clock; the timer for the new epoch owns it.
  if (!epoch || epoch.getTime() !== new Date(payload.epoch).getTime()) return;
  const steps = planSteps(policy, epoch, await holidaysOf(db, task.workspace_id, policy));
  const now = clock.now();
  const due = steps.filter((step) => step.at.getTime() <= now.getTime());
  // Found late (a worker was down, a policy armed on old work): "breaches soon" beside
  // "breached" is noise, so the warning is recorded but only the breach is told.
  const breachDue = due.some((step) => step.kind === 'breach');
  const breach = steps.find((step) => step.kind === 'breach')?.at;
  for (const step of due) {
    const tell = !(step.kind === 'warning' && breachDue);
    await raiseStep(deps, task, policy, epoch, step, { breach, tell });
  }
  const next = steps.find((step) => step.at.getTime() > now.getTime());
  if (next) {
    await enqueue(db, 'task__sla_check', payload, {
      jobKey: slaJobKey(task.id, policy.id),
      runAt: next.at,
      maxAttempts: timerAttempts,
    });
  }
};

export const escalateUnansweredMention: JobHandler<'mention__escalate'> = async (deps, payload) => {
  const { db, clock } = deps;
  const mention = await mentionToEscalate(db, payload.mentionId);
  if (!mention || mention.acknowledged_at !== null) return;
  const policy = payload.policyId
    ? await findPolicy(db, mention.workspace_id, payload.policyId).catch(() => undefined)
    : undefined;
  const seconds = policy?.thresholdSeconds ?? defaultMentionSeconds;
  const dueAt = new Date(mention.created_at.getTime() + seconds * 1000);
  const now = clock.now();
  if (now.getTime() < dueAt.getTime()) {
    await enqueue(db, 'mention__escalate', payload, {
      jobKey: mentionJobKey(mention.id),
      runAt: dueAt,
    });
    return;
  }
  const task = await taskContext(db, mention.task_id);
  if (!task || task.deleted_at !== null) return;
  await db.transaction().execute(async (trx) => {
    const [manager] = await managerChain(trx, mention.workspace_id as WorkspaceId, mention.user_id);
    const recipients = unique([mention.user_id, manager]);
    const raised = await insertEscalation(trx, {
      workspace_id: mention.workspace_id,
      task_id: mention.task_id,
      policy_id: policy?.id ?? null,
      mention_id: mention.id,
      epoch: mention.created_at,
      step: 1,
      kind: 'escalation',
      notified_user_ids: recipients,
      raised_at: now,
    });
    if (!raised) return;
    await recordActivity(trx, {
      workspaceId: mention.workspace_id,
      kind: 'escalation',
      actorId: null,
      accountId: task.account_id,
      projectId: task.project_id,
      taskId: task.id,
      data: {
        recipientIds: recipients,
        mentionId: mention.id,
        mentionedUserId: mention.user_id,
        escalationId: raised.id,
        policyId: policy?.id ?? null,
      },
      at: now,
    });
  });
};

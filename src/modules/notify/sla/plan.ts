// When each step of an SLA fires, from the moment its clock started (the epoch). Pure.
import { addPolicyTime } from './businessTime.ts';
import { durationSeconds } from './duration.ts';
import type { SlaPolicy } from './policy.ts';
import type { TaskContext } from '../store/tasks.ts';

export type PlannedStep = {
  step: number;
  kind: 'warning' | 'breach' | 'escalation';
  at: Date;
  /** For escalation steps: whom the chain names. */
  notify?: string;
};

/**
 * Step 0 warns at `warnAt` of the threshold, step 1 is the breach, steps 2… are the chain,
 * each `after` the breach. With business hours every offset counts business time only.
 */
export function planSteps(
  policy: SlaPolicy,
  epoch: Date,
  holidays: ReadonlySet<string>,
): PlannedStep[] {
  const hours = policy.businessHours;
  const warning = addPolicyTime(epoch, policy.thresholdSeconds * policy.warnAt, hours, holidays);
  const breach = addPolicyTime(epoch, policy.thresholdSeconds, hours, holidays);
  return [
    { step: 0, kind: 'warning', at: warning },
    { step: 1, kind: 'breach', at: breach },
    ...policy.chain.map((link, i) => ({
      step: 2 + i,
      kind: 'escalation' as const,
      at: addPolicyTime(
        breach,
        link.after ? (durationSeconds(link.after) ?? 0) : 0,
        hours,
        holidays,
      ),
      notify: link.notify,
    })),
  ];
}

/** Blocked, waiting on the customer or done: nobody can act, so the clock stops. */
export const pausedStatuses: ReadonlySet<string> = new Set([
  'blocked',
  'waiting_on_customer',
  'done',
]);

/** Empty lists match everything (API.md). */
export function policyMatches(policy: SlaPolicy, task: TaskContext): boolean {
  const m = policy.match;
  const has = (list: string[], value: string | null) =>
    list.length === 0 || (value !== null && list.includes(value));
  return (
    has(m.accountPriority, task.account_priority) &&
    has(m.taskPriority, task.priority) &&
    has(m.tier, task.account_tier) &&
    has(m.projectKind, task.project_kind) &&
    (m.tags.length === 0 || m.tags.some((tag) => task.tags.includes(tag)))
  );
}

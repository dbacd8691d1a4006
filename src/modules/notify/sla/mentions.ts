// An @mention nobody answers escalates like an SLA: after the matching policy's threshold
// (PT4H when none matches) the mentioned person and their manager hear about it. Answering
// (a comment, a change to the task, or "Got it" on the mention) acknowledges it and stops this.
import type { Db } from '../../../db/connect.ts';
import { enqueue } from '../../../jobs/registry.ts';
import { pausedStatuses, policyMatches } from './plan.ts';
import { listPolicies } from './policy.ts';
import { mentionsOfComment } from './store.ts';
import { taskContext } from '../store/tasks.ts';

export const defaultMentionSeconds = 4 * 3600;

export const mentionJobKey = (mentionId: string) => `mention:${mentionId}`;

/** The policy whose threshold an unanswered mention on this task gets, if any. */
export async function mentionPolicy(db: Db, taskId: string) {
  const task = await taskContext(db, taskId);
  if (!task) return undefined;
  const policies = await listPolicies(db, task.workspace_id, { enabledOnly: true });
  return pausedStatuses.has(task.status)
    ? undefined
    : policies.find((policy) => policyMatches(policy, task));
}

export async function scheduleMentionEscalations(
  db: Db,
  workspaceId: string,
  commentId: string,
  at: Date,
) {
  const mentions = await mentionsOfComment(db, workspaceId, commentId);
  const first = mentions[0];
  if (!first) return;
  const policy = await mentionPolicy(db, first.task_id);
  const seconds = policy?.thresholdSeconds ?? defaultMentionSeconds;
  for (const mention of mentions) {
    await enqueue(
      db,
      'mention__escalate',
      { mentionId: mention.id, policyId: policy?.id ?? null },
      { jobKey: mentionJobKey(mention.id), runAt: new Date(at.getTime() + seconds * 1000) },
    );
  }
}

// What happened, recorded in the transaction of the change itself: the event, a job that
// tells the right people, and (when a person touched a task) its SLA timers moved.
import type { Db } from '../../db/connect.ts';
import { enqueue } from '../../jobs/registry.ts';
import { taskTouchKinds, type ActivityKind } from './kinds.ts';
import { scheduleMentionEscalations } from './sla/mentions.ts';
import { rescheduleSlaTimers } from './sla/timers.ts';
import { insertActivityEvent } from './store/notifications.ts';

export type Activity = {
  workspaceId: string;
  kind: ActivityKind;
  /** Who did it; null for Steward itself (timers, plays). Never told about their own act. */
  actorId: string | null;
  accountId?: string | null;
  projectId?: string | null;
  taskId?: string | null;
  /**
   * Kind-specific detail. `recipientIds` names the people to tell (escalations); `userIds` the
   * people a `mentioned` event names; `commentId` the comment of a mention.
   */
  data?: Record<string, unknown>;
  /** When it happened, from the caller's Clock. */
  at: Date;
};

export async function recordActivity(db: Db, activity: Activity): Promise<string> {
  const eventId = await insertActivityEvent(db, {
    workspace_id: activity.workspaceId,
    kind: activity.kind,
    actor_id: activity.actorId,
    account_id: activity.accountId ?? null,
    project_id: activity.projectId ?? null,
    task_id: activity.taskId ?? null,
    data: JSON.stringify(activity.data ?? {}),
    occurred_at: activity.at,
  });
  // runAt from the caller's clock, not the database's: the event is due when it happened.
  await enqueue(
    db,
    'notification__route',
    { eventId },
    {
      runAt: activity.at,
      maxAttempts: 8,
    },
  );
  if (activity.taskId && taskTouchKinds.has(activity.kind)) {
    await rescheduleSlaTimers(db, activity.taskId);
  }
  if (activity.kind === 'mentioned' && typeof activity.data?.commentId === 'string') {
    await scheduleMentionEscalations(
      db,
      activity.workspaceId,
      activity.data.commentId,
      activity.at,
    );
  }
  return eventId;
}

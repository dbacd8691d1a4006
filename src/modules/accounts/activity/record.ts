// What happened, recorded in the transaction of the change itself, and announced there: the
// event row, and `activity__recorded` for whoever subscribes (src/jobs/announce.ts) — notify
// tells the right people and keeps SLA clocks; the recorder knows none of them.
import type { Db } from '../../../db/connect.ts';
import { announceEach } from '../../../jobs/announce.ts';
import { activityKindSchema, type ActivityKind } from './kinds.ts';
import { activityEventById, insertActivityEvents } from './store.ts';

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

/** A subscriber's retries: routing is idempotent, and a database hiccup must not lose it. */
const subscriberAttempts = 8;

export function recordActivity(db: Db, activity: Activity): Promise<void> {
  return recordActivities(db, [activity]);
}

/**
 * Many events at once, in two statements however many (a rescore's category moves): each
 * recorded and announced as `recordActivity` would.
 */
export async function recordActivities(db: Db, activities: readonly Activity[]): Promise<void> {
  if (activities.length === 0) return;
  const events = await insertActivityEvents(
    db,
    activities.map((activity) => ({
      workspace_id: activity.workspaceId,
      kind: activity.kind,
      actor_id: activity.actorId,
      account_id: activity.accountId ?? null,
      project_id: activity.projectId ?? null,
      task_id: activity.taskId ?? null,
      data: JSON.stringify(activity.data ?? {}),
      occurred_at: activity.at,
    })),
  );
  // runAt from the caller's clock, not the database's: the event is due when it happened.
  await announceEach(
    db,
    'activity__recorded',
    events.map((event) => ({
      payload: { eventId: event.id },
      runAt: event.occurred_at,
      maxAttempts: subscriberAttempts,
    })),
  );
}

/** A recorded event, for a subscriber to `activity__recorded`; undefined once it is gone. */
export async function findActivityEvent(db: Db, eventId: string) {
  const row = await activityEventById(db, eventId);
  if (!row) return undefined;
  const kind = activityKindSchema.safeParse(row.kind);
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    // A kind this code does not know (recorded by newer code) is null: left for that code.
    kind: kind.success ? kind.data : null,
    actorId: row.actor_id,
    accountId: row.account_id,
    projectId: row.project_id,
    taskId: row.task_id,
    data: row.data,
    at: row.occurred_at,
  };
}

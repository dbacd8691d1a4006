// `notification__route`: from one activity event to the people it concerns — the assignee,
// the account's owner CSM, the people a mention or an escalation names, never the actor —
// each told now (inbox, e-mail, Slack), later (quiet hours) or in their digest.
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../context.ts';
import { enqueueMany, type JobHandler } from '../../jobs/registry.ts';
import { describeEvent } from './describe.ts';
import { activityKindSchema, unroutedKinds, type ActivityKind, type Channel } from './kinds.ts';
import { loadPreferences } from './preferences.ts';
import { routeNotification, type Preferences } from './routing.ts';
import { groupMessage, groupWindowMs, joinOpenGroup, stepGroupKey } from './stepGroups.ts';
import { insertDeliveries } from './store/deliveries.ts';
import { eventToRoute, insertNotification, wakeInboxes } from './store/notifications.ts';

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function recipientsFor(
  kind: ActivityKind,
  facts: {
    actorId: string | null;
    assigneeId: string | null;
    ownerId: string | null;
    data: Record<string, unknown>;
  },
): string[] {
  const named = ids(facts.data.recipientIds);
  const candidates =
    named.length > 0
      ? named
      : kind === 'mentioned'
        ? ids(facts.data.userIds)
        : [facts.assigneeId, facts.ownerId];
  // Someone mentioned in a comment hears about it as a mention, not also as a comment.
  const skip = new Set(kind === 'task_commented' ? ids(facts.data.mentionedUserIds) : []);
  return [
    ...new Set(
      candidates.filter(
        (id): id is string => typeof id === 'string' && id !== facts.actorId && !skip.has(id),
      ),
    ),
  ];
}

/** The outbox rows a notification needs now, per the person's channels for its urgency. */
function channelsFor(prefs: Preferences, urgency: 'now' | 'digest', smtp: boolean): Channel[] {
  return prefs.channels[urgency].filter(
    (c) => (c === 'email' && smtp) || (c === 'slack' && prefs.slackWebhookUrl !== null),
  );
}

/**
 * The outbox rows for these notifications or digests, one per channel, and a send job for
 * each row that is new — in two statements however many there are (a morning's digests).
 * Returns the rows added, each with the notification or digest it sends.
 */
export async function queueDeliveries(
  db: Db,
  rows: { id: string; userId: string; workspaceId: string; channels: Channel[]; runAt: Date }[],
  key: 'notification_id' | 'digest_id',
  now: Date,
): Promise<{ id: string; sourceId: string }[]> {
  const wanted = rows.flatMap((row) =>
    row.channels.filter((channel) => channel !== 'in_app').map((channel) => ({ ...row, channel })),
  );
  if (wanted.length === 0) return [];
  const added = await insertDeliveries(db, wanted, key, now);
  if (added.length === 0) return [];
  await queueSends(db, added);
  return added.map((r) => ({ id: r.id, sourceId: r.source_id }));
}

/** graphile-worker retries with exponential backoff; after this many tries a delivery failed. */
export const maxDeliveryAttempts = 8;

/**
 * Rows due at the same moment are sent by one job per this many: a morning's digests go out
 * in batches over the pooled connections, with one statement marking each batch sent.
 */
export const deliveryBatch = 50;

/** The send jobs for new outbox rows: those due together in batches, in one statement. */
export async function queueSends(db: Db, rows: readonly { id: string; run_at: Date }[]) {
  const due = new Map<number, string[]>();
  for (const row of rows) {
    const ids = due.get(row.run_at.getTime());
    if (ids) ids.push(row.id);
    else due.set(row.run_at.getTime(), [row.id]);
  }
  const jobs = [...due].flatMap(([at, ids]) =>
    Array.from({ length: Math.ceil(ids.length / deliveryBatch) }, (_, i) => ({
      payload: { deliveryIds: ids.slice(i * deliveryBatch, (i + 1) * deliveryBatch) },
      runAt: new Date(at),
      maxAttempts: maxDeliveryAttempts,
    })),
  );
  await enqueueMany(db, 'delivery__send', jobs);
}

/**
 * An event older than this when it comes to be routed is history, not news: it stays on the
 * timeline and in the activity, and tells nobody (a week covers a worker that was down over a
 * long weekend; what a seed or an import writes with past dates is older).
 */
export const newsFor = 7 * 24 * 60 * 60_000;

export const notifyAboutEvent: JobHandler<'notification__route'> = async (deps: Deps, payload) => {
  const { db, clock, config } = deps;
  const event = await eventToRoute(db, payload.eventId);
  if (!event || clock.now().getTime() - event.occurred_at.getTime() > newsFor) return;
  const kind = activityKindSchema.safeParse(event.kind);
  // A kind this code does not know (queued by newer code) is left for that code.
  if (!kind.success || unroutedKinds.has(kind.data)) return;
  const recipients = recipientsFor(kind.data, {
    actorId: event.actor_id,
    assigneeId: event.assignee_id,
    ownerId: event.owner_id,
    data: event.data,
  });
  if (recipients.length === 0) return;
  const prefs = await loadPreferences(db, event.workspace_id, recipients);
  const described = describeEvent({
    kind: kind.data,
    actorName: event.actor_name,
    taskTitle: event.task_title,
    accountName: event.account_name,
    data: event.data,
  });
  const step = {
    kind: kind.data,
    data: event.data,
    projectId: event.project_id,
    accountId: event.account_id,
    accountName: event.account_name,
    projectName: event.project_name,
  };
  const groupKey = event.task_id ? stepGroupKey(step) : null;
  const item = { taskId: event.task_id ?? '', title: event.task_title ?? '', eventId: event.id };
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const told: string[] = [];
    const outbox: Parameters<typeof queueDeliveries>[1] = [];
    for (const userId of recipients) {
      const pref = prefs.get(userId);
      if (!pref) continue;
      const routing = routeNotification(
        {
          kind: kind.data,
          tags: event.tags ?? [],
          accountPriority: event.account_priority,
          accountId: event.account_id,
          projectId: event.project_id,
        },
        pref,
        now,
      );
      if (routing.urgency === 'none') continue;
      if (groupKey) {
        const { joined } = await joinOpenGroup(trx, {
          userId,
          workspaceId: event.workspace_id,
          groupKey,
          urgency: routing.urgency,
          item,
          now,
          message: (count) => groupMessage(step, count),
        });
        if (joined) {
          told.push(userId);
          continue;
        }
      }
      const inserted = await insertNotification(trx, {
        workspace_id: event.workspace_id,
        user_id: userId,
        event_id: event.id,
        kind: kind.data,
        urgency: routing.urgency,
        message: JSON.stringify(described.message),
        detail: described.detail ? JSON.stringify(described.detail) : null,
        group_key: groupKey,
        items: JSON.stringify(groupKey ? [item] : []),
        account_id: event.account_id,
        task_id: event.task_id,
        created_at: now,
        deliver_at: routing.urgency === 'now' ? (routing.deliverAt ?? null) : null,
      });
      if (!inserted) continue;
      told.push(userId);
      if (routing.urgency === 'now') {
        const due = routing.deliverAt ?? now;
        outbox.push({
          id: inserted.id,
          userId,
          workspaceId: event.workspace_id,
          channels: channelsFor(pref, 'now', config.smtpUrl !== undefined),
          // A group's e-mail and Slack wait for the steps that join it (stepGroups.ts).
          runAt: groupKey ? new Date(Math.max(due.getTime(), now.getTime() + groupWindowMs)) : due,
        });
      }
    }
    await queueDeliveries(trx, outbox, 'notification_id', now);
    await wakeInboxes(trx, told);
  });
};

export { channelsFor };

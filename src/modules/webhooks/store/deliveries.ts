// SQL for webhook deliveries (one per subscription and event, with the exact body signed) and
// their attempts (each with the receiver's status and the start of its answer).
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { WebhookAttemptsTable, WebhookDeliveryStatus } from '../../../db/schema.ts';
import type { TimeKeyset } from '../../../lib/pagination.ts';

/** Adds the deliveries not there yet (a fan-out run twice adds nothing); answers those added. */
export async function insertDeliveries(
  db: Db,
  rows: {
    workspaceId: string;
    subscriptionId: string;
    eventId: string;
    event: string;
    body: string;
    createdAt: Date;
  }[],
): Promise<{ id: string }[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('webhook_deliveries')
    .values(
      rows.map((r) => ({
        workspace_id: r.workspaceId,
        subscription_id: r.subscriptionId,
        event_id: r.eventId,
        event: r.event,
        body: r.body,
        created_at: r.createdAt,
        next_attempt_at: r.createdAt,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'subscription_id', 'event_id', 'event'])
        .where('replay_of', 'is', null)
        .doNothing(),
    )
    .returning('id')
    .execute();
}

/** A delivery again, from the same body: pending, pointing at the one it repeats. */
export function insertReplay(
  db: Db,
  original: { id: string; workspaceId: string },
  by: string,
  now: Date,
) {
  return sql<{ id: string }>`
    insert into webhook_deliveries
      (workspace_id, subscription_id, event_id, event, body, replay_of, replayed_by,
       created_at, next_attempt_at)
    select workspace_id, subscription_id, event_id, event, body, id, ${by}::uuid, ${now}, ${now}
    from webhook_deliveries
    where workspace_id = ${original.workspaceId}::uuid and id = ${original.id}::uuid
    returning id`
    .execute(db)
    .then((r) => r.rows[0]);
}

/** What the send job needs: the delivery, its subscription's URL and whether it is on. */
export function deliveryToSend(db: Db, deliveryId: string) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', (join) =>
      join.onRef('s.id', '=', 'd.subscription_id').onRef('s.workspace_id', '=', 'd.workspace_id'),
    )
    .select([
      'd.id',
      'd.workspace_id',
      'd.subscription_id',
      'd.event',
      'd.body',
      'd.status',
      'd.attempts',
      's.url',
      's.enabled',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

export function insertAttempt(db: Db, attempt: Insertable<WebhookAttemptsTable>) {
  return db.insertInto('webhook_attempts').values(attempt).execute();
}

/** Where a delivery stands after an attempt; only a pending one moves (a replayed race waits). */
export function settleDelivery(
  db: Db,
  workspaceId: string,
  id: string,
  state: {
    status: WebhookDeliveryStatus;
    attempts: number;
    nextAttemptAt: Date | null;
    completedAt: Date | null;
  },
) {
  return db
    .updateTable('webhook_deliveries')
    .set({
      status: state.status,
      attempts: state.attempts,
      next_attempt_at: state.nextAttemptAt,
      completed_at: state.completedAt,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** A switched-off subscription's waiting deliveries will not be sent. */
export function cancelPendingDeliveries(
  db: Db,
  workspaceId: string,
  subscriptionId: string,
  now: Date,
) {
  return db
    .updateTable('webhook_deliveries')
    .set({ status: 'cancelled', next_attempt_at: null, completed_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('subscription_id', '=', subscriptionId)
    .where('status', '=', 'pending')
    .execute();
}

const deliveryColumns = [
  'id',
  'subscription_id',
  'event_id',
  'event',
  'status',
  'attempts',
  'next_attempt_at',
  'replay_of',
  'created_at',
  'completed_at',
] as const;

export type DeliveryRow = Awaited<ReturnType<typeof deliveryById>> & {};

/** A subscription's deliveries, newest first, one keyset page (`limit + 1` rows). */
export function deliveriesOf(
  db: Db,
  workspaceId: string,
  subscriptionId: string,
  page: { keyset: TimeKeyset; limit: number; status: WebhookDeliveryStatus | undefined },
) {
  let query = db
    .selectFrom('webhook_deliveries')
    .select(deliveryColumns)
    .where('workspace_id', '=', workspaceId)
    .where('subscription_id', '=', subscriptionId)
    .where(page.keyset.where('created_at', 'id'));
  if (page.status) query = query.where('status', '=', page.status);
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

export function deliveryById(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('webhook_deliveries')
    .select([...deliveryColumns, 'body'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function attemptsOf(db: Db, workspaceId: string, deliveryId: string) {
  return db
    .selectFrom('webhook_attempts')
    .select(['attempt', 'attempted_at', 'duration_ms', 'status_code', 'error', 'response_body'])
    .where('workspace_id', '=', workspaceId)
    .where('delivery_id', '=', deliveryId)
    .orderBy('attempt')
    .execute();
}

// SQL for the outbox: one row per message to send (a notification or a digest, by e-mail or
// Slack), its attempts and how it ended.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { DeliveryStatus } from '../../../db/schema.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { Channel } from '../kinds.ts';

/**
 * Adds the outbox rows not there yet (one per source and channel), in one statement however
 * many; answers the rows added, each with its source and when to send it.
 */
export async function insertDeliveries(
  db: Db,
  wanted: {
    workspaceId: string;
    userId: string;
    /** The notification or digest it sends. */
    id: string;
    channel: Channel;
    runAt: Date;
  }[],
  key: 'notification_id' | 'digest_id',
  now: Date,
) {
  const column = sql.ref(key);
  const added = await sql<{ id: string; source_id: string; run_at: Date }>`
    with wanted as (
      select * from unnest(
        ${wanted.map((w) => w.workspaceId)}::uuid[], ${wanted.map((w) => w.userId)}::uuid[],
        ${wanted.map((w) => w.id)}::uuid[], ${wanted.map((w) => w.channel)}::text[],
        ${wanted.map((w) => w.runAt.toISOString())}::timestamptz[]
      ) as w(workspace_id, user_id, source_id, channel, run_at)
    ), added as (
      insert into deliveries (workspace_id, user_id, channel, ${column}, created_at)
      select workspace_id, user_id, channel, source_id, ${now} from wanted
      on conflict do nothing
      returning id, ${column} as source_id, channel
    )
    select added.id, added.source_id, wanted.run_at from added
    join wanted on wanted.source_id = added.source_id and wanted.channel = added.channel`.execute(
    db,
  );
  return added.rows;
}

/** A delivery with its recipient and the notification it sends, by id (the job's payload). */
export function deliveryToSend(db: Db, deliveryId: string) {
  return db
    .selectFrom('deliveries as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .leftJoin('notifications as n', 'n.id', 'd.notification_id')
    .select([
      'd.id',
      'd.workspace_id',
      'd.user_id',
      'd.channel',
      'd.status',
      'd.attempts',
      'd.digest_id',
      'd.notification_id',
      'u.email',
      'u.locale',
      'u.timezone',
      'n.message',
      'n.detail',
      'n.items',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

/** An attempt that failed: still pending (to retry), or failed for good. */
export function recordFailedAttempt(
  db: Db,
  workspaceId: string,
  id: string,
  attempt: { attempts: number; lastError: string; status: 'pending' | 'failed' },
) {
  return db
    .updateTable('deliveries')
    .set({ attempts: attempt.attempts, last_error: attempt.lastError, status: attempt.status })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

export function markDeliverySent(
  db: Db,
  workspaceId: string,
  id: string,
  sent: { at: Date; attempts: number },
) {
  return db
    .updateTable('deliveries')
    .set({ status: 'sent', sent_at: sent.at, attempts: sent.attempts })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** The notification reached someone outside the app (the first time only). */
export function markNotificationDelivered(
  db: Db,
  workspaceId: string,
  notificationId: string,
  at: Date,
) {
  return db
    .updateTable('notifications')
    .set({ delivered_at: at })
    .where('id', '=', notificationId)
    .where('workspace_id', '=', workspaceId)
    .where('delivered_at', 'is', null)
    .execute();
}

/** The workspace's deliveries in one state, newest first. */
export function deliveryRows(
  db: Db,
  workspaceId: WorkspaceId,
  status: DeliveryStatus,
  limit: number,
) {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', status)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

// SQL for the outbox: one row per message to send (a notification or a digest, by e-mail or
// Slack; a letter another module composed, by e-mail), its attempts and how it ended.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { DeliveryStatus, StoredMessage } from '../../../db/schema.ts';
import type { Locale } from '../../../i18n/index.ts';
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

/**
 * A letter another module composed (a meeting's invitation) for one recipient, a user or
 * an outside address; `dedupeKey` makes queueing it again a no-op.
 */
export type LetterRow = {
  workspaceId: string;
  userId: string | null;
  email: string;
  name: string | null;
  locale: Locale;
  timeZone: string;
  subject: StoredMessage;
  body: StoredMessage[];
  attachment: { name: string; type: string; content: string } | null;
  about: string;
  aboutVersion: number | null;
  dedupeKey: string;
};

/** Adds the letters not queued yet, in one statement; answers the ids of those added. */
export async function insertLetters(db: Db, letters: readonly LetterRow[], now: Date) {
  if (letters.length === 0) return [];
  return db
    .insertInto('deliveries')
    .values(
      letters.map((l) => ({
        workspace_id: l.workspaceId,
        user_id: l.userId,
        channel: 'email' as const,
        created_at: now,
        email: l.email,
        recipient_name: l.name,
        locale: l.locale,
        time_zone: l.timeZone,
        subject: JSON.stringify(l.subject),
        body: JSON.stringify(l.body),
        attachment_name: l.attachment?.name ?? null,
        attachment_type: l.attachment?.type ?? null,
        attachment: l.attachment?.content ?? null,
        about: l.about,
        about_version: l.aboutVersion,
        dedupe_key: l.dedupeKey,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing(),
    )
    .returning('id')
    .execute();
}

/**
 * The deliveries of a batch still to send, with their recipient (their own address,
 * language and zone, else their user's) and what each sends: one statement for the batch.
 */
export function deliveriesToSend(db: Db, deliveryIds: readonly string[]) {
  return db
    .selectFrom('deliveries as d')
    .leftJoin('users as u', 'u.id', 'd.user_id')
    .leftJoin('notifications as n', 'n.id', 'd.notification_id')
    .select((eb) => [
      'd.id',
      'd.workspace_id',
      'd.user_id',
      'd.channel',
      'd.status',
      'd.attempts',
      'd.digest_id',
      'd.notification_id',
      'd.recipient_name',
      'd.subject',
      'd.body',
      'd.attachment_name',
      'd.attachment_type',
      'd.attachment',
      eb.fn.coalesce('d.email', 'u.email').as('email'),
      eb.fn.coalesce('d.locale', 'u.locale').as('locale'),
      eb.fn.coalesce('d.time_zone', 'u.timezone').as('timezone'),
      'n.message',
      'n.detail',
      'n.items',
    ])
    .where('d.id', '=', sql<string>`any(${[...deliveryIds]}::uuid[])`)
    .where('d.status', '=', 'pending')
    .execute();
}

export type DeliveryToSend = Awaited<ReturnType<typeof deliveriesToSend>>[number];

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

/**
 * Marks a batch sent, and the notifications they carried delivered (the first time only), in
 * one statement: the bookkeeping of a pooled batch costs one commit, not one per row. Rows
 * already marked (a batch retried) are left as they are.
 */
export async function markDeliveriesSent(db: Db, ids: readonly string[], at: Date) {
  if (ids.length === 0) return;
  await sql`
    with sent as (
      update deliveries set status = 'sent', sent_at = ${at}, attempts = attempts + 1
      where id = any(${[...ids]}::uuid[]) and status = 'pending'
      returning workspace_id, notification_id
    )
    update notifications n set delivered_at = ${at}
    from sent
    where n.id = sent.notification_id and n.workspace_id = sent.workspace_id
      and n.delivered_at is null`.execute(db);
}

/** What the outbox holds about one thing (a meeting's invitations), oldest first. */
export function deliveriesAbout(db: Db, workspaceId: string, about: string) {
  return db
    .selectFrom('deliveries')
    .select([
      'id',
      'email',
      'user_id',
      'about_version',
      'attachment_type',
      'status',
      'attempts',
      'last_error',
      'sent_at',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('about', '=', about)
    .orderBy('created_at')
    .orderBy('email')
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

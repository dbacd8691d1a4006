// SQL for webhook subscriptions: an admin's URLs, the events each wants, its sealed secret and
// how many attempts failed in a row. Every query is scoped to the workspace.
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { WebhookSubscriptionsTable } from '../../../db/schema.ts';

const columns = [
  'id',
  'workspace_id',
  'url',
  'description',
  'events',
  'enabled',
  'disabled_reason',
  'consecutive_failures',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export type SubscriptionRow = Awaited<ReturnType<typeof subscriptionRows>>[number];

export function insertSubscription(db: Db, row: Insertable<WebhookSubscriptionsTable>) {
  return db
    .insertInto('webhook_subscriptions')
    .values(row)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

/** The workspace's subscriptions, oldest first (a short list an admin keeps). */
export function subscriptionRows(db: Db, workspaceId: string) {
  return db
    .selectFrom('webhook_subscriptions')
    .select(columns)
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function subscriptionById(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('webhook_subscriptions')
    .select(columns)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function updateSubscriptionRow(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Updateable<WebhookSubscriptionsTable>,
) {
  return db
    .updateTable('webhook_subscriptions')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
}

/**
 * The enabled subscriptions that want any of these events and existed when it happened (one
 * made while the worker was catching up does not get the backlog).
 */
export function subscribersOf(
  db: Db,
  workspaceId: string,
  events: readonly string[],
  happenedAt: Date,
) {
  return db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'events'])
    .where('workspace_id', '=', workspaceId)
    .where('enabled', '=', true)
    .where('created_at', '<=', happenedAt)
    .where(sql<boolean>`events && ${[...events]}::text[]`)
    .execute();
}

/**
 * One more failed attempt in a row; at `disableAfter` the subscription is switched off in the
 * same statement. Answers whether this attempt switched it off (once, however many race).
 */
export async function countFailure(
  db: Db,
  workspaceId: string,
  id: string,
  disableAfter: number,
  now: Date,
): Promise<{ disabled: boolean }> {
  const row = await db
    .updateTable('webhook_subscriptions')
    .set({
      consecutive_failures: sql`consecutive_failures + 1`,
      enabled: sql`consecutive_failures + 1 < ${disableAfter}`,
      disabled_reason: sql`case when consecutive_failures + 1 >= ${disableAfter} then 'failures' end`,
      updated_at: now,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('enabled', '=', true)
    .returning(['enabled'])
    .executeTakeFirst();
  return { disabled: row !== undefined && !row.enabled };
}

export function resetFailures(db: Db, workspaceId: string, id: string) {
  return db
    .updateTable('webhook_subscriptions')
    .set({ consecutive_failures: 0 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('consecutive_failures', '>', 0)
    .execute();
}

/** The sealed secret, read only to sign. */
export async function sealedSecretOf(db: Db, workspaceId: string, id: string) {
  const row = await db
    .selectFrom('webhook_subscriptions')
    .select('secret')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.secret;
}

// SQL for who was told what happened: the activity event read for routing (accounts writes
// it), notifications (one per person and event, or one per group of SLA steps), the inbox
// that lists them and the wake-up of live inboxes. Every query is confined to one workspace but the event read by its id, whose row
// names it.
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type {
  NotificationItem,
  NotificationUrgency,
  NotificationsTable,
} from '../../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import type { TimeKeyset } from '../../../lib/pagination.ts';

/** An event with what routing needs: its task, account, project and actor. */
export function eventToRoute(db: Db, eventId: string) {
  return db
    .selectFrom('activity_events as e')
    .leftJoin('tasks as t', 't.id', 'e.task_id')
    .leftJoin('accounts as a', 'a.id', 'e.account_id')
    .leftJoin('projects as p', 'p.id', 'e.project_id')
    .leftJoin('users as actor', 'actor.id', 'e.actor_id')
    .select([
      'e.id',
      'e.workspace_id',
      'e.kind',
      'e.actor_id',
      'e.account_id',
      'e.project_id',
      'e.task_id',
      'e.data',
      'e.occurred_at',
      't.title as task_title',
      't.tags',
      't.assignee_id',
      'a.name as account_name',
      'a.priority as account_priority',
      'a.owner_id',
      'p.name as project_name',
      'actor.name as actor_name',
    ])
    .where('e.id', '=', eventId)
    .executeTakeFirst();
}

/** A person's notification of an event; undefined when they have it already (a re-run). */
export function insertNotification(db: Db, notification: Insertable<NotificationsTable>) {
  return db
    .insertInto('notifications')
    .values(notification)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Two workers routing steps of one group at once: one opens it, the other joins. */
export async function lockGroup(db: Db, userId: string, groupKey: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${userId}:${groupKey}`}, 0))`.execute(
    db,
  );
}

/** A person's latest group with this key opened after `since` and not digested yet, locked. */
export function openGroup(
  db: Db,
  group: {
    workspaceId: string;
    userId: string;
    groupKey: string;
    urgency: NotificationUrgency;
    since: Date;
  },
) {
  return db
    .selectFrom('notifications')
    .select(['id', 'items'])
    .where('workspace_id', '=', group.workspaceId)
    .where('user_id', '=', group.userId)
    .where('group_key', '=', group.groupKey)
    .where('urgency', '=', group.urgency)
    .where('created_at', '>', group.since)
    .where('digest_id', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

/** The group lists these items under this sentence, and is unread again. */
export function refillGroup(
  db: Db,
  workspaceId: string,
  id: string,
  group: { items: NotificationItem[]; message: string },
) {
  return db
    .updateTable('notifications')
    .set({
      items: JSON.stringify(group.items),
      message: group.message,
      detail: null,
      read_at: null,
    })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** Wakes the in-app inboxes listening for these people (stream.ts), when the change commits. */
export async function wakeInboxes(db: Db, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await sql`select pg_notify('steward_notifications', u) from unnest(${userIds}::text[]) u`.execute(
    db,
  );
}

type Person = { workspaceId: WorkspaceId; userId: UserId };

/** What quiet hours still hold is not in the inbox yet: it arrives when they end. */
const delivered = (now: Date) => sql<boolean>`(n.deliver_at is null or n.deliver_at <= ${now})`;

/** A page of a person's inbox, newest first, from the urgencies their inbox shows. */
export function inboxRows(
  db: Db,
  who: Person,
  page: { urgencies: NotificationUrgency[]; keyset: TimeKeyset; limit: number; now: Date },
) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('tasks as t', 't.id', 'n.task_id')
    .select([
      'n.id',
      'n.kind',
      'n.urgency',
      'n.message',
      'n.detail',
      'n.items',
      'n.account_id',
      'n.task_id',
      't.project_id',
      'n.created_at',
      'n.read_at',
    ])
    .where('n.workspace_id', '=', who.workspaceId)
    .where('n.user_id', '=', who.userId)
    .where('n.urgency', 'in', page.urgencies)
    .where(delivered(page.now))
    .where(page.keyset.where('n.created_at', 'n.id'))
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

export async function countUnread(
  db: Db,
  who: Person,
  urgencies: NotificationUrgency[],
  now: Date,
): Promise<number> {
  const row = await db
    .selectFrom('notifications as n')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('n.user_id', '=', who.userId)
    .where('n.workspace_id', '=', who.workspaceId)
    .where('n.urgency', 'in', urgencies)
    .where(delivered(now))
    .where('n.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Marks one notification of a person read (the first reading stays); undefined if not theirs. */
export function markNotificationRead(db: Db, who: Person, id: string, now: Date) {
  return db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, ${now}::timestamptz)` })
    .where('workspace_id', '=', who.workspaceId)
    .where('user_id', '=', who.userId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

/** Marks every delivered unread notification of a person read; answers how many. */
export async function markNotificationsRead(db: Db, who: Person, now: Date): Promise<number> {
  const rows = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('workspace_id', '=', who.workspaceId)
    .where('user_id', '=', who.userId)
    .where('read_at', 'is', null)
    // What quiet hours still hold has not been seen: it arrives unread when they end.
    .where(sql<boolean>`(deliver_at is null or deliver_at <= ${now})`)
    .returning('id')
    .execute();
  return rows.length;
}

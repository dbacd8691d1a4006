// The in-app inbox: newest first, cursor-paged, with the unread count. It shows what the
// person's channels send to the inbox (`in_app` per urgency), and what quiet hours hold only
// once they end; the live stream's heartbeat brings those in. Sentences are rendered in the
// reader's language and time zone.
import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { timeKeyset } from '../../lib/pagination.ts';
import { preferencesOf } from './preferences.ts';
import { renderNotification, type Reader } from './render.ts';
import * as store from './store/notifications.ts';

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    urgency: z.enum(['now', 'digest']),
    title: z.string().openapi({ description: "In the reader's language" }),
    body: z.string().nullable(),
    items: z
      .array(z.object({ taskId: z.uuid(), title: z.string() }))
      .openapi({ description: 'The tasks a grouped notification is about (several SLA steps)' }),
    accountId: z.uuid().nullable(),
    taskId: z.uuid().nullable(),
    projectId: z.uuid().nullable().openapi({ description: "The task's project, if any" }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

type Person = { workspaceId: WorkspaceId; userId: UserId };

/** The urgencies whose channels include the inbox. */
async function inboxUrgencies(db: Db, who: Person) {
  const prefs = await preferencesOf(db, who.workspaceId, who.userId);
  return (['now', 'digest'] as const).filter((u) => prefs.channels[u].includes('in_app'));
}

export async function inboxOf(
  db: Db,
  who: Person & Reader,
  page: { limit: number; cursor?: string },
  now: Date,
) {
  const keyset = timeKeyset('inbox', page.cursor);
  const urgencies = await inboxUrgencies(db, who);
  if (urgencies.length === 0) return { items: [], nextCursor: null, unreadCount: 0 };
  const rows = await store.inboxRows(db, who, { urgencies, keyset, limit: page.limit, now });
  const unreadCount = await store.countUnread(db, who, urgencies, now);
  return {
    ...keyset.page(
      rows,
      page.limit,
      (r) => ({
        id: r.id,
        kind: r.kind,
        urgency: r.urgency,
        ...renderNotification(r, who),
        accountId: r.account_id,
        taskId: r.task_id,
        projectId: r.project_id,
        createdAt: r.created_at.toISOString(),
        readAt: r.read_at?.toISOString() ?? null,
      }),
      (r) => r.created_at,
    ),
    unreadCount,
  };
}

export async function markRead(db: Db, who: Person, id: string, now: Date) {
  const row = await store.markNotificationRead(db, who, id, now);
  if (!row) throw new AppError('notification.not_found', { key: 'notify.problem.noNotification' });
}

/** Marks what the inbox shows read; what quiet hours still hold arrives unread when they end. */
export async function markAllRead(db: Db, who: Person, now: Date) {
  return store.markNotificationsRead(db, who, now);
}

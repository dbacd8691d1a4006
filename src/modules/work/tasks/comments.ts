// Comments on tasks, with @mentions resolved to people of the workspace.
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { recordActivity } from '../../notify/index.ts';
import { findTask } from './service.ts';

/**
 * `@jordan`, `@jordan.taylor` or `@jordan.taylor@example.com`: a mention names a person by
 * their e-mail or its part before the @, as the web app's mention picker writes it.
 */
export function mentionHandles(body: string): string[] {
  const handles = body.match(/(?<![\w.])@[a-z0-9._%+-]+(?:@[a-z0-9.-]+\.[a-z]{2,})?/gi) ?? [];
  return [...new Set(handles.map((h) => h.slice(1).toLowerCase().replace(/\.$/, '')))];
}

async function resolveMentions(db: Db, workspaceId: WorkspaceId, body: string) {
  const handles = mentionHandles(body);
  if (handles.length === 0) return [];
  const people = await db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('deactivated_at', 'is', null)
    .execute();
  return people.filter((person) => {
    const email = person.email.toLowerCase();
    return handles.includes(email) || handles.includes(email.split('@')[0] ?? '');
  });
}

export async function commentOnTask(
  db: Db,
  clock: Clock,
  by: ChangeAuthor & { userId: UserId },
  scope: AccountScope,
  taskId: string,
  body: string,
) {
  return db.transaction().execute(async (trx) => {
    const task = await findTask(trx, scope, taskId);
    const now = clock.now();
    const comment = await trx
      .insertInto('task_comments')
      .values({
        workspace_id: by.workspaceId,
        task_id: task.id,
        author_id: by.userId,
        body,
        created_at: now,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    const mentioned = (await resolveMentions(trx, by.workspaceId, body)).filter(
      (p) => p.id !== by.userId,
    );
    if (mentioned.length > 0) {
      await trx
        .insertInto('mentions')
        .values(
          mentioned.map((p) => ({
            workspace_id: by.workspaceId,
            comment_id: comment.id,
            task_id: task.id,
            user_id: p.id,
            created_at: now,
          })),
        )
        .execute();
    }
    // A comment is a touch; answering in the thread acknowledges the mentions of you.
    await trx
      .updateTable('tasks')
      .set({ last_activity_at: now, last_activity_by: by.userId })
      .where('id', '=', task.id)
      .execute();
    await trx
      .updateTable('mentions')
      .set({ acknowledged_at: now })
      .where('task_id', '=', task.id)
      .where('user_id', '=', by.userId)
      .where('acknowledged_at', 'is', null)
      .execute();
    await recordAudit(trx, by, {
      action: 'task.commented',
      entityType: 'task',
      entityId: task.id,
      changes: { commentId: comment.id },
    });
    await recordActivity(trx, {
      workspaceId: by.workspaceId,
      kind: 'task_commented',
      actorId: by.userId,
      accountId: task.account_id,
      projectId: task.project_id,
      taskId: task.id,
      at: now,
      data: {
        commentId: comment.id,
        excerpt: body.slice(0, 200),
        mentionedUserIds: mentioned.map((p) => p.id),
      },
    });
    if (mentioned.length > 0)
      await recordActivity(trx, {
        workspaceId: by.workspaceId,
        kind: 'mentioned',
        actorId: by.userId,
        accountId: task.account_id,
        projectId: task.project_id,
        taskId: task.id,
        at: now,
        data: {
          commentId: comment.id,
          excerpt: body.slice(0, 200),
          userIds: mentioned.map((p) => p.id),
        },
      });
    const author = await trx
      .selectFrom('users')
      .select('name')
      .where('id', '=', by.userId)
      .executeTakeFirstOrThrow();
    return {
      id: comment.id,
      taskId: task.id,
      body,
      author: { id: by.userId, name: author.name },
      mentions: mentioned.map((p) => ({ id: p.id, name: p.name })),
      createdAt: comment.created_at.toISOString(),
    };
  });
}

export async function commentsOf(db: Db, scope: AccountScope, taskId: string) {
  const task = await findTask(db, scope, taskId);
  const rows = await db
    .selectFrom('task_comments')
    .leftJoin('users', 'users.id', 'task_comments.author_id')
    .select([
      'task_comments.id',
      'task_comments.body',
      'task_comments.created_at',
      'task_comments.author_id',
      'users.name as author_name',
    ])
    .where('task_comments.task_id', '=', task.id)
    .orderBy('task_comments.created_at')
    .execute();
  const mentions = rows.length
    ? await db
        .selectFrom('mentions')
        .innerJoin('users', 'users.id', 'mentions.user_id')
        .select(['mentions.comment_id', 'users.id', 'users.name'])
        .where('mentions.task_id', '=', task.id)
        .execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    taskId: task.id,
    body: row.body,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? '' } : null,
    mentions: mentions
      .filter((m) => m.comment_id === row.id)
      .map((m) => ({ id: m.id, name: m.name })),
    createdAt: row.created_at.toISOString(),
  }));
}

export async function acknowledgeMention(
  db: Db,
  clock: Clock,
  by: { workspaceId: WorkspaceId; userId: UserId },
  id: string,
) {
  const row = await db
    .updateTable('mentions')
    .set({ acknowledged_at: clock.now() })
    .where('workspace_id', '=', by.workspaceId)
    .where('user_id', '=', by.userId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new AppError('mention.not_found', 'No such mention of you.');
}

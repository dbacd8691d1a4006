// Comments on tasks, with @mentions resolved to people of the workspace.
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import { recordActivity, type AccountScope } from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { findTask } from './service.ts';
import * as store from './store/comments.ts';
import { touchTask } from './store/tasks.ts';

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
  const people = await store.mentionablePeople(db, workspaceId);
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
    const comment = await store.insertComment(trx, {
      workspaceId: by.workspaceId,
      taskId: task.id,
      authorId: by.userId,
      body,
      at: now,
    });
    const mentioned = (await resolveMentions(trx, by.workspaceId, body)).filter(
      (p) => p.id !== by.userId,
    );
    const mentions =
      mentioned.length > 0
        ? await store.insertMentions(
            trx,
            { workspaceId: by.workspaceId, commentId: comment.id, taskId: task.id, at: now },
            mentioned.map((p) => p.id),
          )
        : [];
    // A comment is a touch; answering in the thread acknowledges the mentions of you.
    await touchTask(trx, by, task.id, now);
    await store.acknowledgeMentionsInTask(trx, by, task.id, now);
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
    const author = await store.userName(trx, by.workspaceId, by.userId);
    return {
      id: comment.id,
      taskId: task.id,
      body,
      author: { id: by.userId, name: author.name },
      mentions: mentions.flatMap((m) =>
        mentioned
          .filter((p) => p.id === m.user_id)
          .map((p) => ({ id: p.id, name: p.name, mentionId: m.id, acknowledgedAt: null })),
      ),
      createdAt: comment.created_at.toISOString(),
    };
  });
}

export async function commentsOf(db: Db, scope: AccountScope, taskId: string) {
  const task = await findTask(db, scope, taskId);
  const rows = await store.commentRows(db, scope.workspaceId, task.id);
  const mentions = rows.length ? await store.mentionRows(db, scope.workspaceId, task.id) : [];
  return rows.map((row) => ({
    id: row.id,
    taskId: task.id,
    body: row.body,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? '' } : null,
    mentions: mentions
      .filter((m) => m.comment_id === row.id)
      .map((m) => ({
        id: m.id,
        name: m.name,
        mentionId: m.mention_id,
        acknowledgedAt: m.acknowledged_at?.toISOString() ?? null,
      })),
    createdAt: row.created_at.toISOString(),
  }));
}

export async function acknowledgeMention(
  db: Db,
  clock: Clock,
  by: { workspaceId: WorkspaceId; userId: UserId },
  id: string,
) {
  const row = await store.acknowledgeMentionRow(db, by, id, clock.now());
  if (!row) throw new AppError('mention.not_found', { key: 'work.problem.noMention' });
}

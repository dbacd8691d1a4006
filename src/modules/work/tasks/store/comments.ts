// SQL for comments on tasks and the mentions in them: who is named, and who has answered.
import type { Db } from '../../../../db/connect.ts';
import type { UserId, WorkspaceId } from '../../../../lib/ids.ts';

/** The people of the workspace a mention may name. */
export function mentionablePeople(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('deactivated_at', 'is', null)
    .execute();
}

export function insertComment(
  db: Db,
  comment: { workspaceId: WorkspaceId; taskId: string; authorId: UserId; body: string; at: Date },
) {
  return db
    .insertInto('task_comments')
    .values({
      workspace_id: comment.workspaceId,
      task_id: comment.taskId,
      author_id: comment.authorId,
      body: comment.body,
      created_at: comment.at,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function insertMentions(
  db: Db,
  mention: { workspaceId: WorkspaceId; commentId: string; taskId: string; at: Date },
  userIds: string[],
) {
  return db
    .insertInto('mentions')
    .values(
      userIds.map((userId) => ({
        workspace_id: mention.workspaceId,
        comment_id: mention.commentId,
        task_id: mention.taskId,
        user_id: userId,
        created_at: mention.at,
      })),
    )
    .returning(['id', 'user_id'])
    .execute();
}

/** Working on a task, or answering in its thread, answers the mentions of you in it. */
export function acknowledgeMentionsInTask(
  db: Db,
  person: { workspaceId: WorkspaceId; userId: UserId },
  taskId: string,
  at: Date,
) {
  return db
    .updateTable('mentions')
    .set({ acknowledged_at: at })
    .where('workspace_id', '=', person.workspaceId)
    .where('task_id', '=', taskId)
    .where('user_id', '=', person.userId)
    .where('acknowledged_at', 'is', null)
    .execute();
}

export function userName(db: Db, workspaceId: WorkspaceId, userId: UserId) {
  return db
    .selectFrom('users')
    .select('name')
    .where('id', '=', userId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
}

/** A task's comments, oldest first, with their authors' names. */
export function commentRows(db: Db, workspaceId: WorkspaceId, taskId: string) {
  return db
    .selectFrom('task_comments')
    .leftJoin('users', 'users.id', 'task_comments.author_id')
    .select([
      'task_comments.id',
      'task_comments.body',
      'task_comments.created_at',
      'task_comments.author_id',
      'users.name as author_name',
    ])
    .where('task_comments.workspace_id', '=', workspaceId)
    .where('task_comments.task_id', '=', taskId)
    .orderBy('task_comments.created_at')
    .execute();
}

/** Who each comment of a task mentions. */
export function mentionRows(db: Db, workspaceId: WorkspaceId, taskId: string) {
  return db
    .selectFrom('mentions')
    .innerJoin('users', 'users.id', 'mentions.user_id')
    .select([
      'mentions.comment_id',
      'mentions.id as mention_id',
      'mentions.acknowledged_at',
      'users.id',
      'users.name',
    ])
    .where('mentions.workspace_id', '=', workspaceId)
    .where('mentions.task_id', '=', taskId)
    .execute();
}

/** Answers one mention of a person; undefined when it is not theirs. */
export function acknowledgeMentionRow(
  db: Db,
  person: { workspaceId: WorkspaceId; userId: UserId },
  id: string,
  at: Date,
) {
  return db
    .updateTable('mentions')
    .set({ acknowledged_at: at })
    .where('workspace_id', '=', person.workspaceId)
    .where('user_id', '=', person.userId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

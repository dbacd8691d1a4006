// SQL the notify module shares: a task with what routing and SLAs need to know about it.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

export type TaskContext = {
  id: string;
  workspace_id: string;
  title: string;
  status: string;
  priority: string;
  tags: string[];
  assignee_id: string | null;
  created_by: string | null;
  created_at: Date;
  last_activity_at: Date;
  started_at: Date | null;
  start_at: Date | null;
  /** The start of its due day in the workspace's time zone (sla/live.ts). */
  due_day_start: Date | null;
  deleted_at: Date | null;
  project_id: string | null;
  project_kind: string | null;
  account_id: string;
  account_name: string;
  account_priority: string;
  account_tier: string;
  account_owner_id: string | null;
};

/**
 * The start of a task's due day in its workspace's time zone, as SQL: the timers armed in bulk
 * and the check of one task must compute the same instant, so both use this expression.
 */
export const dueDayStartSql = (task: string, workspace: string) =>
  sql<Date | null>`(date_trunc('day', ${sql.ref(`${task}.due_at`)} at time zone ${sql.ref(`${workspace}.timezone`)}) at time zone ${sql.ref(`${workspace}.timezone`)})`;

export async function taskContext(db: Db, taskId: string): Promise<TaskContext | undefined> {
  return db
    .selectFrom('tasks')
    .innerJoin('workspaces', 'workspaces.id', 'tasks.workspace_id')
    .innerJoin('accounts', 'accounts.id', 'tasks.account_id')
    .leftJoin('projects', 'projects.id', 'tasks.project_id')
    .select([
      'tasks.id',
      'tasks.workspace_id',
      'tasks.title',
      'tasks.status',
      'tasks.priority',
      'tasks.tags',
      'tasks.assignee_id',
      'tasks.created_by',
      'tasks.created_at',
      'tasks.last_activity_at',
      'tasks.started_at',
      'tasks.start_at',
      dueDayStartSql('tasks', 'workspaces').as('due_day_start'),
      'tasks.deleted_at',
      'tasks.project_id',
      'projects.kind as project_kind',
      'tasks.account_id',
      'accounts.name as account_name',
      'accounts.priority as account_priority',
      'accounts.tier as account_tier',
      'accounts.owner_id as account_owner_id',
    ])
    .where('tasks.id', '=', taskId)
    .executeTakeFirst();
}

/** Wakes the in-app inboxes listening for these people (stream.ts), when the change commits. */
export async function wakeInboxes(db: Db, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await sql`select pg_notify('steward_notifications', u) from unnest(${userIds}::text[]) u`.execute(
    db,
  );
}

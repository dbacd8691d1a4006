// SQL the notify module shares: a task with what routing and SLAs need to know about it.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';

/**
 * The start of a task's due day in its workspace's time zone, as SQL: the timers armed in bulk
 * and the check of one task must compute the same instant, so both use this expression.
 */
export const dueDayStartSql = (task: string, workspace: string) =>
  sql<Date | null>`(date_trunc('day', ${sql.ref(`${task}.due_at`)} at time zone ${sql.ref(`${workspace}.timezone`)}) at time zone ${sql.ref(`${workspace}.timezone`)})`;

/**
 * A task with its account and project, as SLA policies match it. By id alone: the jobs that
 * ask carry only the task's id, and the row names its workspace.
 */
export function taskContext(db: Db, taskId: string) {
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
      // The start of its due day in the workspace's time zone (sla/live.ts).
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

export type TaskContext = NonNullable<Awaited<ReturnType<typeof taskContext>>>;

// How tasks are read and shown: one query for a set of tasks with their people, dependencies
// and sub-task counts (never a query per task).
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { TaskRow } from '../../../db/schema.ts';

export function selectTasks(db: Db, workspaceId: string) {
  return db
    .selectFrom('tasks')
    .innerJoin('accounts', 'accounts.id', 'tasks.account_id')
    .leftJoin('projects', 'projects.id', 'tasks.project_id')
    .leftJoin('users as assignee', 'assignee.id', 'tasks.assignee_id')
    .selectAll('tasks')
    .select([
      'accounts.name as account_name',
      'accounts.priority as account_priority',
      'accounts.owner_id as account_owner_id',
      'projects.name as project_name',
      'assignee.name as assignee_name',
      sql<
        string[]
      >`coalesce((select array_agg(d.depends_on_id order by d.depends_on_id) from task_dependencies d where d.task_id = tasks.id), '{}')`.as(
        'depends_on',
      ),
      sql<{ id: string; title: string }[]>`coalesce((
        select json_agg(json_build_object('id', o.id, 'title', o.title) order by o.position)
        from task_dependencies d join tasks o on o.id = d.depends_on_id
        where d.task_id = tasks.id and o.status <> 'done' and o.deleted_at is null), '[]')`.as(
        'blocked_by',
      ),
      sql<number>`(select count(*)::int from tasks s where s.parent_id = tasks.id and s.deleted_at is null)`.as(
        'subtask_count',
      ),
      sql<number>`(select count(*)::int from task_comments c where c.task_id = tasks.id)`.as(
        'comment_count',
      ),
    ])
    .where('tasks.workspace_id', '=', workspaceId)
    .where('tasks.deleted_at', 'is', null)
    .where('accounts.deleted_at', 'is', null);
}

export type TaskWithContext = TaskRow & {
  account_name: string;
  account_priority: string;
  account_owner_id: string | null;
  project_name: string | null;
  assignee_name: string | null;
  depends_on: string[];
  blocked_by: { id: string; title: string }[];
  subtask_count: number;
  comment_count: number;
};

export function describeTask(row: TaskWithContext) {
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    projectId: row.project_id,
    projectName: row.project_name,
    stageId: row.stage_id,
    parentId: row.parent_id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    tags: row.tags,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    dueAt: row.due_at?.toISOString() ?? null,
    startAt: row.start_at?.toISOString() ?? null,
    lateStart: row.late_start,
    checklist: row.checklist,
    customFields: row.custom_fields,
    isFirstValue: row.is_first_value,
    dependsOn: row.depends_on,
    blockedBy: row.blocked_by,
    subtaskCount: row.subtask_count,
    commentCount: row.comment_count,
    position: row.position,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    lastActivityAt: row.last_activity_at.toISOString(),
    lastActivityBy: row.last_activity_by,
  };
}

export type TaskView = ReturnType<typeof describeTask>;

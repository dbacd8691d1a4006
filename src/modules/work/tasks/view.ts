// How a task is shown: the row the tasks store reads (with its people, dependencies and
// sub-task counts), as the API answers it.
import type { TaskWithContext } from './store/tasks.ts';

export type { TaskWithContext };

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

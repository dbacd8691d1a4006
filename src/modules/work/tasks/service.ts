// Creating and changing tasks: status rules, dependencies, who touched it last, and what the
// change completes (a stage, the project: ./progress.ts) — each request one transaction. The
// SQL is in ./store/ and ../store.ts.
import { randomUUID } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import type { Db } from '../../../db/connect.ts';
import type { ChecklistItem, TaskStatus } from '../../../db/schema.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, fieldProblem, invalid } from '../../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import {
  checkCustomFields,
  customFieldDefinitions,
  getAccount,
  recordActivity,
  type AccountScope,
} from '../../accounts/index.ts';
import { recordAudit, recordEdit, type ChangeAuthor } from '../../auth/index.ts';
import { findProject } from '../projects.ts';
import { isStageOfProject } from '../store.ts';
import type { createTaskBody, updateTaskBody } from '../schema/tasks.ts';
import { findCycle } from '../templates/definition.ts';
import { settleProgress, settleStageChange } from './progress.ts';
import { statusProblem, statusTimes } from './rules.ts';
import { acknowledgeMentionsInTask } from './store/comments.ts';
import * as store from './store/tasks.ts';
import { describeTask, type TaskView, type TaskWithContext } from './view.ts';

export type TaskChanges = z.infer<typeof updateTaskBody>;
export type NewTask = z.infer<typeof createTaskBody>;

/** Someone acting on work: a person, or an automation (which does not count as a touch). */
export type Worker = ChangeAuthor & { userId: UserId | null; automation?: boolean };

export async function findTask(db: Db, scope: AccountScope, id: string): Promise<TaskWithContext> {
  const row = await store.findTaskRow(db, scope, id);
  if (!row) throw new AppError('task.not_found', { key: 'work.problem.noTask' });
  return row;
}

export async function getTask(db: Db, scope: AccountScope, id: string): Promise<TaskView> {
  return describeTask(await findTask(db, scope, id));
}

/** Tasks in view, filtered as the list asks, soonest due first; at most 500. */
export async function listTasks(
  db: Db,
  scope: AccountScope,
  filter: store.TaskFilter,
): Promise<TaskView[]> {
  return (await store.listTaskRows(db, scope, filter)).map(describeTask);
}

async function checkAssignee(
  db: Db,
  workspaceId: WorkspaceId,
  assigneeId: string | null | undefined,
) {
  if (!assigneeId) return;
  const found = await store.findUserId(db, workspaceId, assigneeId);
  if (!found) throw invalid([fieldProblem('assigneeId', 'errors.field.noUser')]);
}

/** A task's stage is one of its own project's. */
async function checkStage(
  db: Db,
  workspaceId: WorkspaceId,
  stageId: string | null | undefined,
  projectId: string | null,
) {
  if (!stageId) return;
  if (projectId && (await isStageOfProject(db, workspaceId, { stageId, projectId }))) return;
  throw invalid([fieldProblem('stageId', 'work.field.notProjectStage')]);
}

/**
 * A sub-task's parent is a live task of the same account and project (of this workspace), and
 * not the task itself or one of its own sub-tasks.
 */
async function checkParent(
  db: Db,
  workspaceId: WorkspaceId,
  task: { id: string; accountId: string; projectId: string | null },
  parentId: string | null | undefined,
) {
  if (!parentId) return;
  const refuse = (key: MessageKey) => invalid([fieldProblem('parentId', key)]);
  if (parentId === task.id) throw refuse('work.field.ownParent');
  const [parent] = await store.liveTasks(db, workspaceId, [parentId]);
  if (!parent) throw refuse('work.field.noTask');
  if (parent.project_id !== task.projectId) throw refuse('work.field.sameProject');
  if (parent.account_id !== task.accountId) throw refuse('work.field.sameAccount');
  if (await store.isAmongParents(db, workspaceId, { taskId: task.id, parentId }))
    throw refuse('work.field.ownSubtask');
}

function normalizeChecklist(items: TaskChanges['checklist']): string | undefined {
  if (!items) return undefined;
  const list: ChecklistItem[] = items.map((item) => ({
    id: item.id ?? randomUUID(),
    text: item.text,
    done: item.done,
  }));
  return JSON.stringify(list);
}

/** New dependencies must be tasks of the same project and must not close a loop. */
async function checkDependencies(
  db: Db,
  workspaceId: WorkspaceId,
  taskId: string,
  projectId: string | null,
  dependsOn: string[],
) {
  if (dependsOn.length === 0) return;
  const others = await store.liveTasks(db, workspaceId, dependsOn);
  const byId = new Map(others.map((t) => [t.id, t]));
  const errors = dependsOn.flatMap((id, i) => {
    const other = byId.get(id);
    if (!other) return [fieldProblem(`dependsOn.${i}`, 'work.field.noTask')];
    if (id === taskId) return [fieldProblem(`dependsOn.${i}`, 'work.field.waitOnItself')];
    if (other.project_id !== projectId || projectId === null)
      return [fieldProblem(`dependsOn.${i}`, 'work.field.sameProject')];
    return [];
  });
  if (errors.length > 0) throw invalid(errors);
  const edges = await store.dependencyEdges(db, workspaceId, projectId, taskId);
  const graph = new Map<string, string[]>([[taskId, dependsOn]]);
  for (const edge of edges)
    graph.set(edge.task_id, [...(graph.get(edge.task_id) ?? []), edge.depends_on_id]);
  const cycle = findCycle(graph);
  if (cycle) {
    const titles = await store.taskTitles(db, workspaceId, cycle);
    const titleOf = new Map(titles.map((t) => [t.id, t.title]));
    throw new AppError(
      'task.not_allowed',
      { key: 'work.problem.dependencyLoop' },
      {
        errors: [
          fieldProblem('dependsOn', 'work.field.dependencyLoop', {
            loop: cycle.map((id) => `"${titleOf.get(id)}"`).join(' → '),
          }),
        ],
      },
    );
  }
}

/**
 * A new task, in one transaction: the caller's when it passes one (a meeting held with its
 * action items is all or nothing), else its own.
 */
export async function createTask(
  db: Db,
  clock: Clock,
  by: Worker,
  scope: AccountScope,
  input: NewTask,
): Promise<TaskView> {
  const write = async (trx: Db) => {
    const project = input.projectId ? await findProject(trx, scope, input.projectId) : undefined;
    const accountId = project?.account_id ?? input.accountId;
    if (!accountId) throw invalid([fieldProblem('accountId', 'work.field.accountOrProject')]);
    if (project && input.accountId && input.accountId !== project.account_id) {
      throw invalid([fieldProblem('accountId', 'work.field.notProjectAccount')]);
    }
    await getAccount(trx, scope, accountId);
    await checkAssignee(trx, by.workspaceId, input.assigneeId);
    await checkStage(trx, by.workspaceId, input.stageId, project?.id ?? null);
    const id = randomUUID();
    await checkParent(
      trx,
      by.workspaceId,
      { id, accountId, projectId: project?.id ?? null },
      input.parentId,
    );
    const definitions = await customFieldDefinitions(trx, by.workspaceId, 'task');
    const customFields = checkCustomFields(definitions, input.customFields ?? {}, {
      creating: true,
    });
    const now = clock.now();
    await checkDependencies(trx, by.workspaceId, id, project?.id ?? null, input.dependsOn ?? []);
    const position = await store.nextTaskPosition(trx, by.workspaceId, project?.id ?? null);
    await store.insertTask(trx, {
      id,
      workspace_id: by.workspaceId,
      account_id: accountId,
      project_id: project?.id ?? null,
      stage_id: input.stageId ?? null,
      parent_id: input.parentId ?? null,
      title: input.title,
      description: input.description ?? null,
      status: input.status ?? 'todo',
      priority: input.priority ?? 'P2',
      tags: input.tags ?? [],
      assignee_id: input.assigneeId ?? null,
      due_at: input.dueAt ?? null,
      start_at: input.startAt ?? null,
      checklist: normalizeChecklist(input.checklist) ?? '[]',
      custom_fields: JSON.stringify(customFields),
      is_first_value: input.isFirstValue ?? false,
      position: input.position ?? position,
      created_by: by.userId,
      created_at: now,
      updated_at: now,
      started_at: input.status && input.status !== 'todo' ? now : null,
      completed_at: input.status === 'done' ? now : null,
      last_activity_at: now,
      last_activity_by: by.userId,
    });
    if (input.dependsOn?.length) {
      await store.insertDependencies(
        trx,
        by.workspaceId,
        input.dependsOn.map((dependsOnId) => ({ taskId: id, dependsOnId })),
      );
    }
    await recordAudit(trx, by, {
      action: 'task.created',
      entityType: 'task',
      entityId: id,
      changes: { title: input.title, accountId },
    });
    await recordActivity(trx, {
      workspaceId: by.workspaceId,
      kind: 'task_created',
      actorId: by.userId,
      accountId,
      projectId: project?.id ?? null,
      taskId: id,
      at: now,
      data: { title: input.title },
    });
    const task = await findTask(trx, { workspaceId: scope.workspaceId, onlyOwner: null }, id);
    // Open work added to a finished stage, or project, reopens it.
    if (task.status !== 'done') await settleProgress(trx, clock, by, task);
    return describeTask(task);
  };
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}

export async function updateTask(
  db: Db,
  clock: Clock,
  by: Worker,
  scope: AccountScope,
  id: string,
  changes: TaskChanges,
): Promise<TaskView> {
  return db.transaction().execute(async (trx) => {
    // Row lock: two people moving the same task serialize, and stage completion sees both.
    await store.lockTask(trx, scope.workspaceId, id);
    const before = await findTask(trx, scope, id);
    await checkAssignee(trx, by.workspaceId, changes.assigneeId);
    await checkStage(trx, by.workspaceId, changes.stageId, before.project_id);
    await checkParent(
      trx,
      by.workspaceId,
      { id, accountId: before.account_id, projectId: before.project_id },
      changes.parentId,
    );
    if (changes.dependsOn)
      await checkDependencies(trx, by.workspaceId, id, before.project_id, changes.dependsOn);
    const now = clock.now();
    const to = changes.status ?? before.status;
    if (changes.status !== undefined && changes.status !== before.status)
      await checkStatusMove(trx, by.workspaceId, before, to, changes.dependsOn);
    await writeTaskChanges(trx, by, before, changes, now);
    const after = await findTask(trx, { workspaceId: scope.workspaceId, onlyOwner: null }, id);
    await recordTaskUpdate(trx, by, { before, after, changes, now });
    if (before.status !== to) await settleProgress(trx, clock, by, after);
    if (before.stage_id !== after.stage_id)
      await settleStageChange(trx, clock, by, after, before.stage_id);
    return describeTask(after);
  });
}

/** Refuses a status move the rules forbid: waiting on unfinished work, open sub-tasks, … */
async function checkStatusMove(
  db: Db,
  workspaceId: WorkspaceId,
  before: TaskWithContext,
  to: TaskStatus,
  dependsOn: string[] | undefined,
) {
  const openSubtasks = await store.countOpenSubtasks(db, workspaceId, before.id);
  const waitingOn =
    dependsOn === undefined
      ? before.blocked_by
      : dependsOn.length === 0
        ? []
        : await store.unfinishedTitles(db, workspaceId, dependsOn);
  const problem = statusProblem({ from: before.status, to, waitingOn, openSubtasks });
  if (problem)
    throw new AppError(
      'task.not_allowed',
      {
        key: 'work.problem.cannotMove',
        params: { status: { term: `work.taskStatus.${to}` } },
      },
      {
        errors: [fieldProblem('status', problem.key, problem.params)],
      },
    );
}

/** The task's custom fields after `given` (checked) are merged in; a null clears a field. */
async function mergeCustomFields(
  db: Db,
  workspaceId: WorkspaceId,
  before: TaskWithContext,
  given: Record<string, unknown>,
): Promise<string> {
  const definitions = await customFieldDefinitions(db, workspaceId, 'task');
  const values = checkCustomFields(definitions, given, { creating: false });
  const merged = { ...before.custom_fields, ...values };
  return JSON.stringify(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null)));
}

/** Writes the change: the task's fields and times, its dependencies, the mentions it answers. */
async function writeTaskChanges(
  db: Db,
  by: Worker,
  before: TaskWithContext,
  changes: TaskChanges,
  now: Date,
) {
  const id = before.id;
  const customFields = changes.customFields
    ? await mergeCustomFields(db, by.workspaceId, before, changes.customFields)
    : undefined;
  const times = statusTimes(before.status, changes.status ?? before.status, now, {
    startedAt: before.started_at,
    completedAt: before.completed_at,
  });
  await store.updateTaskRow(db, by.workspaceId, id, {
    title: changes.title,
    description: changes.description,
    status: changes.status,
    priority: changes.priority,
    tags: changes.tags,
    assignee_id: changes.assigneeId,
    due_at: changes.dueAt,
    start_at: changes.startAt,
    checklist: normalizeChecklist(changes.checklist),
    custom_fields: customFields,
    parent_id: changes.parentId,
    stage_id: changes.stageId,
    position: changes.position,
    is_first_value: changes.isFirstValue,
    started_at: times.startedAt,
    completed_at: times.completedAt,
    updated_at: now,
    // Automations (plays, escalations) do not count as someone touching the task.
    ...(by.automation ? {} : { last_activity_at: now, last_activity_by: by.userId }),
  });
  if (changes.dependsOn) {
    await store.deleteDependenciesOf(db, by.workspaceId, id);
    if (changes.dependsOn.length > 0) {
      await store.insertDependencies(
        db,
        by.workspaceId,
        changes.dependsOn.map((dependsOnId) => ({ taskId: id, dependsOnId })),
      );
    }
  }
  if (!by.automation && by.userId) {
    // Working on a task answers the mentions of you in it.
    await acknowledgeMentionsInTask(
      db,
      { workspaceId: by.workspaceId, userId: by.userId },
      id,
      now,
    );
  }
}

/** The audit entry (the fields that differ) and the activity others are notified of. */
async function recordTaskUpdate(
  db: Db,
  by: Worker,
  update: { before: TaskWithContext; after: TaskWithContext; changes: TaskChanges; now: Date },
) {
  const { before, after, changes, now } = update;
  // The fields moved: not the bookkeeping of the move itself (its time, its author, who is the
  // entry's actor), nor the names that come with ids (the audit log names those).
  const changed = await recordEdit(
    db,
    by,
    { action: 'task.updated', entityType: 'task', entityId: after.id },
    {
      before: describeTask(before),
      after: describeTask(after),
      ignore: [
        'updatedAt',
        'lastActivityAt',
        'lastActivityBy',
        'blockedBy',
        'accountName',
        'projectName',
        'assigneeName',
      ],
    },
  );
  await recordActivity(db, {
    workspaceId: by.workspaceId,
    kind:
      changes.assigneeId !== undefined && changes.assigneeId !== before.assignee_id
        ? 'task_assigned'
        : 'task_updated',
    actorId: by.userId,
    accountId: after.account_id,
    projectId: after.project_id,
    taskId: after.id,
    at: now,
    // The status it was left in: integrations hear `task.completed` from it (webhooks).
    data: {
      changed: Object.keys(changed),
      automation: by.automation ?? false,
      status: after.status,
    },
  });
}

export async function deleteTask(
  db: Db,
  clock: Clock,
  by: Worker,
  scope: AccountScope,
  id: string,
) {
  await db.transaction().execute(async (trx) => {
    // Row lock, as a move takes: a stage's completion sees the move and the removal both.
    await store.lockTask(trx, scope.workspaceId, id);
    const task = await findTask(trx, scope, id);
    await store.updateTaskRow(trx, by.workspaceId, id, { deleted_at: clock.now() });
    await store.deleteDependenciesTouching(trx, by.workspaceId, id);
    await recordAudit(trx, by, {
      action: 'task.deleted',
      entityType: 'task',
      entityId: id,
      changes: { title: task.title },
    });
    // An open task gone may leave its stage, or its project, with nothing left to do. Its
    // sub-tasks stay (their own work); its comments go with it.
    if (task.status !== 'done') await settleProgress(trx, clock, by, task);
  });
}

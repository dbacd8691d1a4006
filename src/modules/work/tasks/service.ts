// Creating and changing tasks: status rules, dependencies, who touched it last, and what the
// change completes (a stage, the project) — each request one transaction.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { ChecklistItem, TaskStatus } from '../../../db/schema.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, invalid } from '../../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import {
  addTimelineEvent,
  checkCustomFields,
  customFieldDefinitions,
  getAccount,
  type AccountScope,
} from '../../accounts/index.ts';
import { diff, recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { recordActivity } from '../../notify/index.ts';
import { findProject } from '../projects.ts';
import { findCycle } from '../templates/definition.ts';
import { statusProblem, statusTimes } from './rules.ts';
import { describeTask, selectTasks, type TaskView, type TaskWithContext } from './view.ts';
import { message } from '../../../i18n/index.ts';

export type TaskChanges = {
  title?: string;
  description?: string | null;
  status?: TaskStatus;
  priority?: 'P0' | 'P1' | 'P2' | 'P3';
  tags?: string[];
  assigneeId?: string | null;
  dueAt?: string | null;
  startAt?: string | null;
  checklist?: { id?: string; text: string; done: boolean }[];
  customFields?: Record<string, unknown>;
  dependsOn?: string[];
  parentId?: string | null;
  stageId?: string | null;
  position?: number;
  isFirstValue?: boolean;
};

export type NewTask = TaskChanges & {
  title: string;
  accountId?: string;
  projectId?: string | null;
};

/** Someone acting on work: a person, or an automation (which does not count as a touch). */
export type Worker = ChangeAuthor & { userId: UserId | null; automation?: boolean };

export async function findTask(db: Db, scope: AccountScope, id: string): Promise<TaskWithContext> {
  const row = await selectTasks(db, scope.workspaceId)
    .where('tasks.id', '=', id)
    .$if(scope.onlyOwner !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('accounts.owner_id', '=', scope.onlyOwner),
          eb('tasks.assignee_id', '=', scope.onlyOwner),
        ]),
      ),
    )
    .executeTakeFirst();
  if (!row) throw new AppError('task.not_found', 'No such task.');
  return row as TaskWithContext;
}

async function checkAssignee(
  db: Db,
  workspaceId: WorkspaceId,
  assigneeId: string | null | undefined,
) {
  if (!assigneeId) return;
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', assigneeId)
    .executeTakeFirst();
  if (!found) throw invalid([{ path: 'assigneeId', message: 'no such user in this workspace' }]);
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
  const others = await db
    .selectFrom('tasks')
    .select(['id', 'title', 'project_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', dependsOn)
    .where('deleted_at', 'is', null)
    .execute();
  const byId = new Map(others.map((t) => [t.id, t]));
  const errors = dependsOn.flatMap((id, i) => {
    const other = byId.get(id);
    if (!other) return [{ path: `dependsOn.${i}`, message: 'no such task' }];
    if (id === taskId) return [{ path: `dependsOn.${i}`, message: 'a task cannot wait on itself' }];
    if (other.project_id !== projectId || projectId === null)
      return [{ path: `dependsOn.${i}`, message: 'must be a task of the same project' }];
    return [];
  });
  if (errors.length > 0) throw invalid(errors);
  const edges = await db
    .selectFrom('task_dependencies')
    .innerJoin('tasks', 'tasks.id', 'task_dependencies.task_id')
    .select(['task_dependencies.task_id', 'task_dependencies.depends_on_id'])
    .where('tasks.project_id', '=', projectId)
    .where('task_dependencies.task_id', '<>', taskId)
    .execute();
  const graph = new Map<string, string[]>([[taskId, dependsOn]]);
  for (const edge of edges)
    graph.set(edge.task_id, [...(graph.get(edge.task_id) ?? []), edge.depends_on_id]);
  const cycle = findCycle(graph);
  if (cycle) {
    const titles = await db
      .selectFrom('tasks')
      .select(['id', 'title'])
      .where('id', 'in', cycle)
      .execute();
    const titleOf = new Map(titles.map((t) => [t.id, t.title]));
    throw new AppError('task.not_allowed', 'Those dependencies would make a loop.', {
      errors: [
        {
          path: 'dependsOn',
          message: `dependencies loop: ${cycle.map((id) => `"${titleOf.get(id)}"`).join(' → ')}`,
        },
      ],
    });
  }
}

export async function createTask(
  db: Db,
  clock: Clock,
  by: Worker,
  scope: AccountScope,
  input: NewTask,
): Promise<TaskView> {
  return db.transaction().execute(async (trx) => {
    const project = input.projectId ? await findProject(trx, scope, input.projectId) : undefined;
    const accountId = project?.account_id ?? input.accountId;
    if (!accountId)
      throw invalid([{ path: 'accountId', message: 'give the account, or a project' }]);
    if (project && input.accountId && input.accountId !== project.account_id) {
      throw invalid([{ path: 'accountId', message: "is not the project's account" }]);
    }
    await getAccount(trx, scope, accountId);
    await checkAssignee(trx, by.workspaceId, input.assigneeId);
    const definitions = await customFieldDefinitions(trx, by.workspaceId, 'task');
    const customFields = checkCustomFields(definitions, input.customFields ?? {}, {
      creating: true,
    });
    const now = clock.now();
    const id = randomUUID();
    await checkDependencies(trx, by.workspaceId, id, project?.id ?? null, input.dependsOn ?? []);
    const position = await trx
      .selectFrom('tasks')
      .select(sql<number>`coalesce(max(position), -1)::int + 1`.as('next'))
      .where('workspace_id', '=', by.workspaceId)
      .where('project_id', project ? '=' : 'is', project?.id ?? null)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('tasks')
      .values({
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
        position: input.position ?? position.next,
        created_by: by.userId,
        created_at: now,
        updated_at: now,
        started_at: input.status && input.status !== 'todo' ? now : null,
        completed_at: input.status === 'done' ? now : null,
        last_activity_at: now,
        last_activity_by: by.userId,
      })
      .execute();
    if (input.dependsOn?.length) {
      await trx
        .insertInto('task_dependencies')
        .values(
          input.dependsOn.map((dependsOnId) => ({
            workspace_id: by.workspaceId,
            task_id: id,
            depends_on_id: dependsOnId,
          })),
        )
        .execute();
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
    return describeTask(
      await findTask(trx, { workspaceId: scope.workspaceId, onlyOwner: null }, id),
    );
  });
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
    await trx
      .selectFrom('tasks')
      .select('id')
      .where('id', '=', id)
      .where('workspace_id', '=', scope.workspaceId)
      .forUpdate()
      .execute();
    const before = await findTask(trx, scope, id);
    await checkAssignee(trx, by.workspaceId, changes.assigneeId);
    if (changes.dependsOn)
      await checkDependencies(trx, by.workspaceId, id, before.project_id, changes.dependsOn);
    const now = clock.now();
    const to = changes.status ?? before.status;
    if (changes.status !== undefined && changes.status !== before.status) {
      const openSubtasks = await trx
        .selectFrom('tasks')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('parent_id', '=', id)
        .where('status', '<>', 'done')
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      const waitingOn =
        changes.dependsOn === undefined
          ? before.blocked_by
          : changes.dependsOn.length === 0
            ? []
            : await trx
                .selectFrom('tasks')
                .select('title')
                .where('id', 'in', changes.dependsOn)
                .where('status', '<>', 'done')
                .execute();
      const problem = statusProblem({
        from: before.status,
        to,
        waitingOn,
        openSubtasks: openSubtasks.n,
      });
      if (problem)
        throw new AppError('task.not_allowed', `This task cannot move to ${to}.`, {
          errors: [{ path: 'status', message: problem }],
        });
    }
    let customFields: string | undefined;
    if (changes.customFields) {
      const definitions = await customFieldDefinitions(trx, by.workspaceId, 'task');
      const values = checkCustomFields(definitions, changes.customFields, { creating: false });
      const merged = { ...before.custom_fields, ...values };
      customFields = JSON.stringify(
        Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null)),
      );
    }
    const times = statusTimes(before.status, to, now, {
      startedAt: before.started_at,
      completedAt: before.completed_at,
    });
    await trx
      .updateTable('tasks')
      .set({
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
      })
      .where('id', '=', id)
      .execute();
    if (changes.dependsOn) {
      await trx.deleteFrom('task_dependencies').where('task_id', '=', id).execute();
      if (changes.dependsOn.length > 0) {
        await trx
          .insertInto('task_dependencies')
          .values(
            changes.dependsOn.map((dependsOnId) => ({
              workspace_id: by.workspaceId,
              task_id: id,
              depends_on_id: dependsOnId,
            })),
          )
          .execute();
      }
    }
    if (!by.automation && by.userId) {
      // Working on a task answers the mentions of you in it.
      await trx
        .updateTable('mentions')
        .set({ acknowledged_at: now })
        .where('task_id', '=', id)
        .where('user_id', '=', by.userId)
        .where('acknowledged_at', 'is', null)
        .execute();
    }
    const after = await findTask(trx, { workspaceId: scope.workspaceId, onlyOwner: null }, id);
    const changed = diff(describeTask(before), describeTask(after), [
      'updatedAt',
      'lastActivityAt',
      'blockedBy',
    ]);
    if (Object.keys(changed).length > 0) {
      await recordAudit(trx, by, {
        action: 'task.updated',
        entityType: 'task',
        entityId: id,
        changes: changed,
      });
    }
    await recordActivity(trx, {
      workspaceId: by.workspaceId,
      kind:
        changes.assigneeId !== undefined && changes.assigneeId !== before.assignee_id
          ? 'task_assigned'
          : 'task_updated',
      actorId: by.userId,
      accountId: after.account_id,
      projectId: after.project_id,
      taskId: id,
      at: now,
      data: { changed: Object.keys(changed), automation: by.automation ?? false },
    });
    if (before.status !== to) await settleProgress(trx, clock, by, after);
    return describeTask(after);
  });
}

/**
 * After a task moves: its stage completes when all its tasks are done (and the next stage
 * starts), and the project completes when every task is; reopening undoes both.
 */
async function settleProgress(db: Db, clock: Clock, by: Worker, task: TaskWithContext) {
  const now = clock.now();
  if (task.status === 'done') {
    await addTimelineEvent(db, {
      workspaceId: by.workspaceId,
      accountId: task.account_id,
      kind: 'system',
      title: message('accounts.timeline.taskCompleted', { task: task.title }),
      actorId: by.userId,
      occurredAt: now,
      data: { taskId: task.id, projectId: task.project_id, firstValue: task.is_first_value },
    });
  }
  if (task.stage_id) {
    const open = await db
      .selectFrom('tasks')
      .select(sql<number>`count(*) filter (where status <> 'done')::int`.as('open'))
      .where('stage_id', '=', task.stage_id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (open.open === 0) {
      const stage = await db
        .updateTable('project_stages')
        .set({ completed_at: now })
        .where('id', '=', task.stage_id)
        .where('completed_at', 'is', null)
        .returning(['project_id', 'position', 'name'])
        .executeTakeFirst();
      if (stage) {
        await db
          .updateTable('project_stages')
          .set({ started_at: now })
          .where('project_id', '=', stage.project_id)
          .where('position', '=', stage.position + 1)
          .where('started_at', 'is', null)
          .execute();
        await addTimelineEvent(db, {
          workspaceId: by.workspaceId,
          accountId: task.account_id,
          kind: 'system',
          title: message('accounts.timeline.stageCompleted', { stage: stage.name }),
          actorId: by.userId,
          occurredAt: now,
          data: { projectId: stage.project_id, stageId: task.stage_id },
        });
      }
    } else {
      await db
        .updateTable('project_stages')
        .set({ completed_at: null })
        .where('id', '=', task.stage_id)
        .execute();
    }
  }
  if (task.project_id) {
    const open = await db
      .selectFrom('tasks')
      .select(sql<number>`count(*) filter (where status <> 'done')::int`.as('open'))
      .where('project_id', '=', task.project_id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    const project = await db
      .updateTable('projects')
      .set(
        open.open === 0
          ? { status: 'completed', completed_at: now, updated_at: now }
          : { status: 'active', completed_at: null, updated_at: now },
      )
      .where('id', '=', task.project_id)
      .where('status', '=', open.open === 0 ? 'active' : 'completed')
      .returning(['name', 'status'])
      .executeTakeFirst();
    if (project?.status === 'completed') {
      await addTimelineEvent(db, {
        workspaceId: by.workspaceId,
        accountId: task.account_id,
        kind: 'system',
        title: message('accounts.timeline.projectCompleted', { project: project.name }),
        actorId: by.userId,
        occurredAt: now,
        data: { projectId: task.project_id },
      });
    }
  }
}

export async function deleteTask(
  db: Db,
  clock: Clock,
  by: Worker,
  scope: AccountScope,
  id: string,
) {
  await db.transaction().execute(async (trx) => {
    const task = await findTask(trx, scope, id);
    await trx.updateTable('tasks').set({ deleted_at: clock.now() }).where('id', '=', id).execute();
    await trx
      .deleteFrom('task_dependencies')
      .where((eb) => eb.or([eb('task_id', '=', id), eb('depends_on_id', '=', id)]))
      .execute();
    await recordAudit(trx, by, {
      action: 'task.deleted',
      entityType: 'task',
      entityId: id,
      changes: { title: task.title },
    });
  });
}

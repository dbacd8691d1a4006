// SQL for tasks: one read for a set of tasks with their people, dependencies and sub-task
// counts (never a query per task), and the writes a task's change makes. Every query is
// confined to one workspace; reads for a person go through `AccountScope`.
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { TaskStatus, TasksTable } from '../../../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../../../lib/ids.ts';
import type { AccountScope } from '../../../accounts/index.ts';

function selectTasks(db: Db, workspaceId: string) {
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

export type TaskWithContext = Awaited<
  ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>
>;

/** A CSM limited to their clients sees the tasks of their accounts and the tasks given to them. */
function visibleTo(query: ReturnType<typeof selectTasks>, scope: AccountScope) {
  return query.$if(scope.onlyOwner !== null, (q) =>
    q.where((eb) =>
      eb.or([
        eb('accounts.owner_id', '=', scope.onlyOwner),
        eb('tasks.assignee_id', '=', scope.onlyOwner),
      ]),
    ),
  );
}

export function findTaskRow(db: Db, scope: AccountScope, id: string) {
  return visibleTo(
    selectTasks(db, scope.workspaceId).where('tasks.id', '=', id),
    scope,
  ).executeTakeFirst();
}

export type TaskFilter = {
  accountId?: string | undefined;
  assigneeId?: string | undefined;
  status?: TaskStatus[] | undefined;
  open?: boolean | undefined;
};

/** Tasks in view by due day (undated last), then template order; at most 500. */
export function listTaskRows(db: Db, scope: AccountScope, filter: TaskFilter) {
  return visibleTo(selectTasks(db, scope.workspaceId), scope)
    .$if(filter.accountId !== undefined, (q) =>
      q.where('tasks.account_id', '=', filter.accountId ?? ''),
    )
    .$if(filter.assigneeId !== undefined, (q) =>
      q.where('tasks.assignee_id', '=', filter.assigneeId ?? ''),
    )
    .$if(filter.status !== undefined, (q) => q.where('tasks.status', 'in', filter.status ?? []))
    .$if(filter.open === true, (q) => q.where('tasks.status', '<>', 'done'))
    .orderBy('tasks.due_at', (o) => o.asc().nullsLast())
    .orderBy('tasks.position')
    .limit(500)
    .execute();
}

export function taskRowsByIds(db: Db, workspaceId: WorkspaceId, ids: string[]) {
  return selectTasks(db, workspaceId).where('tasks.id', 'in', ids).execute();
}

/** The tasks of some projects, in template order. */
export function taskRowsOfProjects(db: Db, workspaceId: WorkspaceId, projectIds: string[]) {
  return selectTasks(db, workspaceId)
    .where('tasks.project_id', 'in', projectIds)
    .orderBy('tasks.position')
    .orderBy('tasks.created_at')
    .execute();
}

export function findUserId(db: Db, workspaceId: WorkspaceId, userId: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Tasks not deleted among `ids`, with their project (a dependency must share it). */
export function liveTasks(db: Db, workspaceId: WorkspaceId, ids: string[]) {
  return db
    .selectFrom('tasks')
    .select(['id', 'title', 'project_id', 'account_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Whether `taskId` is `parentId` or one of its parents, up the chain of sub-tasks. */
export async function isAmongParents(
  db: Db,
  workspaceId: WorkspaceId,
  { taskId, parentId }: { taskId: string; parentId: string },
): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    with recursive chain as (
      select id, parent_id from tasks where workspace_id = ${workspaceId} and id = ${parentId}
      union
      select t.id, t.parent_id from tasks t join chain on t.id = chain.parent_id
      where t.workspace_id = ${workspaceId}
    )
    select exists (select 1 from chain where id = ${taskId}) as found`.execute(db);
  return rows[0]?.found ?? false;
}

/** Every dependency between a project's tasks, but those of `exceptTaskId`. */
export function dependencyEdges(
  db: Db,
  workspaceId: WorkspaceId,
  projectId: string | null,
  exceptTaskId: string,
) {
  return db
    .selectFrom('task_dependencies')
    .innerJoin('tasks', 'tasks.id', 'task_dependencies.task_id')
    .select(['task_dependencies.task_id', 'task_dependencies.depends_on_id'])
    .where('task_dependencies.workspace_id', '=', workspaceId)
    .where('tasks.project_id', '=', projectId)
    .where('task_dependencies.task_id', '<>', exceptTaskId)
    .execute();
}

export function taskTitles(db: Db, workspaceId: WorkspaceId, ids: string[]) {
  return db
    .selectFrom('tasks')
    .select(['id', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}

/** The position after the last task of the project (or of the tasks outside any project). */
export async function nextTaskPosition(
  db: Db,
  workspaceId: WorkspaceId,
  projectId: string | null,
): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select(sql<number>`coalesce(max(position), -1)::int + 1`.as('next'))
    .where('workspace_id', '=', workspaceId)
    .where('project_id', projectId !== null ? '=' : 'is', projectId)
    .executeTakeFirstOrThrow();
  return row.next;
}

export function insertTask(db: Db, task: Insertable<TasksTable>) {
  return db.insertInto('tasks').values(task).execute();
}

export function insertDependencies(
  db: Db,
  workspaceId: WorkspaceId,
  edges: { taskId: string; dependsOnId: string }[],
) {
  return db
    .insertInto('task_dependencies')
    .values(
      edges.map((edge) => ({
        workspace_id: workspaceId,
        task_id: edge.taskId,
        depends_on_id: edge.dependsOnId,
      })),
    )
    .execute();
}

export function deleteDependenciesOf(db: Db, workspaceId: WorkspaceId, taskId: string) {
  return db
    .deleteFrom('task_dependencies')
    .where('workspace_id', '=', workspaceId)
    .where('task_id', '=', taskId)
    .execute();
}

/** A deleted task leaves no dependency behind, in either direction. */
export function deleteDependenciesTouching(db: Db, workspaceId: WorkspaceId, taskId: string) {
  return db
    .deleteFrom('task_dependencies')
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('task_id', '=', taskId), eb('depends_on_id', '=', taskId)]))
    .execute();
}

/** Row lock: two people moving the same task serialize, and stage completion sees both. */
export function lockTask(db: Db, workspaceId: WorkspaceId, id: string) {
  return db
    .selectFrom('tasks')
    .select('id')
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .forUpdate()
    .execute();
}

export async function countOpenSubtasks(
  db: Db,
  workspaceId: WorkspaceId,
  parentId: string,
): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('parent_id', '=', parentId)
    .where('status', '<>', 'done')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The titles of the tasks among `ids` not done yet. */
export function unfinishedTitles(db: Db, workspaceId: WorkspaceId, ids: string[]) {
  return db
    .selectFrom('tasks')
    .select('title')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .where('status', '<>', 'done')
    .execute();
}

export function updateTaskRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  changes: Updateable<TasksTable>,
) {
  return db
    .updateTable('tasks')
    .set(changes)
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** How many tasks a stage still has, and how many of them are not done yet. */
export function countTasksInStage(
  db: Db,
  workspaceId: WorkspaceId,
  stageId: string,
): Promise<{ total: number; open: number }> {
  return db
    .selectFrom('tasks')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`(count(*) filter (where status <> 'done'))::int`.as('open'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('stage_id', '=', stageId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
}

/** How many tasks a project still has, and how many of them are not done yet. */
export function countTasksInProject(
  db: Db,
  workspaceId: WorkspaceId,
  projectId: string,
): Promise<{ total: number; open: number }> {
  return db
    .selectFrom('tasks')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`(count(*) filter (where status <> 'done'))::int`.as('open'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
}

/** A comment is a touch: the task's last activity is now, by its author. */
export function touchTask(
  db: Db,
  by: { workspaceId: WorkspaceId; userId: UserId },
  taskId: string,
  at: Date,
) {
  return db
    .updateTable('tasks')
    .set({ last_activity_at: at, last_activity_by: by.userId })
    .where('id', '=', taskId)
    .where('workspace_id', '=', by.workspaceId)
    .execute();
}

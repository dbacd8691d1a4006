// SQL for projects and their stages, and for the workspace's calendar (its zone and
// holidays). Every query is confined to one workspace; reads for a person go through
// `AccountScope`. Tasks have their own store (tasks/store/), templates theirs.
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { ProjectsTable } from '../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import type { AccountScope } from '../accounts/index.ts';

function selectProjects(db: Db, scope: AccountScope) {
  return db
    .selectFrom('projects')
    .innerJoin('accounts', 'accounts.id', 'projects.account_id')
    .leftJoin('templates', 'templates.id', 'projects.template_id')
    .selectAll('projects')
    .select([
      'accounts.name as account_name',
      'templates.name as template_name',
      'templates.current_version as template_current_version',
    ])
    .where('projects.workspace_id', '=', scope.workspaceId)
    .where('projects.deleted_at', 'is', null)
    .where('accounts.deleted_at', 'is', null)
    .$if(scope.onlyOwner !== null, (q) => q.where('accounts.owner_id', '=', scope.onlyOwner));
}

export type ProjectWithContext = Awaited<
  ReturnType<ReturnType<typeof selectProjects>['executeTakeFirstOrThrow']>
>;

export function findProjectRow(db: Db, scope: AccountScope, id: string) {
  return selectProjects(db, scope).where('projects.id', '=', id).executeTakeFirst();
}

/** An account's projects, newest first. */
export function projectRowsOfAccount(db: Db, scope: AccountScope, accountId: string) {
  return selectProjects(db, scope)
    .where('projects.account_id', '=', accountId)
    .orderBy('projects.created_at', 'desc')
    .execute();
}

/** Onboarding projects in view (cancelled ones left out), the latest start first. */
export function onboardingProjectRows(
  db: Db,
  scope: AccountScope,
  filter: { templateId?: string | undefined },
) {
  return selectProjects(db, scope)
    .where('projects.kind', '=', 'onboarding')
    .where('projects.status', 'in', ['active', 'on_hold', 'completed'])
    .$if(filter.templateId !== undefined, (q) =>
      q.where('projects.template_id', '=', filter.templateId ?? ''),
    )
    .orderBy('projects.start_date', 'desc')
    .execute();
}

/** Each project's tasks, counted: all of them and those done. */
export function taskCountsOfProjects(db: Db, workspaceId: WorkspaceId, projectIds: string[]) {
  return db
    .selectFrom('tasks')
    .select([
      'project_id',
      sql<number>`count(*)::int`.as('total'),
      sql<number>`(count(*) filter (where status = 'done'))::int`.as('done'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', 'in', projectIds)
    .where('deleted_at', 'is', null)
    .groupBy('project_id')
    .execute();
}

export function stageRowsOf(db: Db, workspaceId: WorkspaceId, projectIds: string[]) {
  return db
    .selectFrom('project_stages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('position')
    .execute();
}

export async function insertProject(db: Db, project: Insertable<ProjectsTable>): Promise<string> {
  const { id } = await db
    .insertInto('projects')
    .values(project)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function updateProjectRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  changes: Updateable<ProjectsTable>,
) {
  return db
    .updateTable('projects')
    .set(changes)
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/**
 * Marks the project completed when `done` (or active again when not), unless it is already
 * so; answers the project when its status changed.
 */
export function settleProjectStatus(
  db: Db,
  workspaceId: WorkspaceId,
  projectId: string,
  done: boolean,
  at: Date,
) {
  return db
    .updateTable('projects')
    .set(
      done
        ? { status: 'completed', completed_at: at, updated_at: at }
        : { status: 'active', completed_at: null, updated_at: at },
    )
    .where('id', '=', projectId)
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', done ? 'active' : 'completed')
    .returning(['name', 'status'])
    .executeTakeFirst();
}

/** Whether a stage is one of the project's. */
export async function isStageOfProject(
  db: Db,
  workspaceId: WorkspaceId,
  stage: { stageId: string; projectId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('project_stages')
    .select('id')
    .where('id', '=', stage.stageId)
    .where('project_id', '=', stage.projectId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Completes a stage not completed yet; answers it when it did. */
export function completeStage(db: Db, workspaceId: WorkspaceId, stageId: string, at: Date) {
  return db
    .updateTable('project_stages')
    .set({ completed_at: at })
    .where('id', '=', stageId)
    .where('workspace_id', '=', workspaceId)
    .where('completed_at', 'is', null)
    .returning(['project_id', 'name'])
    .executeTakeFirst();
}

/**
 * Stages run in order: the current stage is the first one not completed. It starts when it
 * becomes current and keeps that start; a stage further on has not started, even when its tasks
 * were all done ahead of their turn (it completes, and starts nothing). When an earlier stage
 * reopens, the project is handed back to it: stages after it that had started and have not
 * completed lose their start, and start afresh when they are current again, so each stage's days
 * count from the hand-over and the stages' durations add up instead of overlapping.
 */
export function startCurrentStage(db: Db, workspaceId: WorkspaceId, projectId: string, at: Date) {
  return db
    .with('current_stage', (q) =>
      q
        .selectFrom('project_stages')
        .select((eb) => eb.fn.min('position').as('position'))
        .where('project_id', '=', projectId)
        .where('workspace_id', '=', workspaceId)
        .where('completed_at', 'is', null),
    )
    .updateTable('project_stages as s')
    .from('current_stage')
    .set((eb) => ({
      started_at: eb
        .case()
        .when('s.position', '=', eb.ref('current_stage.position'))
        .then(eb.cast<Date>(eb.val(at), 'timestamptz'))
        .else(null)
        .end(),
    }))
    .where('s.project_id', '=', projectId)
    .where('s.workspace_id', '=', workspaceId)
    .where('s.completed_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('s.position', '=', eb.ref('current_stage.position')),
          eb('s.started_at', 'is', null),
        ]),
        eb.and([
          eb('s.position', '>', eb.ref('current_stage.position')),
          eb('s.started_at', 'is not', null),
        ]),
      ]),
    )
    .execute();
}

/**
 * A project's stages after a template upgrade laid out its tasks, by the rules a task's move
 * follows (tasks/progress.ts): a completed stage given open work reopens, and a stage with no
 * task at all is closed, as an emptied stage is, so the onboarding does not wait on it. Then
 * the stage now current starts.
 */
export async function settleStages(db: Db, workspaceId: WorkspaceId, projectId: string, at: Date) {
  await sql`update project_stages s
    set completed_at = case when c.open > 0 then null else ${at}::timestamptz end
    from (
      select st.id, count(t.id) as total, count(t.id) filter (where t.status <> 'done') as open
      from project_stages st
      left join tasks t on t.workspace_id = st.workspace_id and t.stage_id = st.id
        and t.deleted_at is null
      where st.workspace_id = ${workspaceId} and st.project_id = ${projectId}
      group by st.id
    ) c
    where s.workspace_id = ${workspaceId} and s.id = c.id
      and (c.open > 0 and s.completed_at is not null or c.total = 0 and s.completed_at is null)`.execute(
    db,
  );
  await startCurrentStage(db, workspaceId, projectId, at);
}

/** Reopens a completed stage; answers it when it did. */
export function reopenStage(db: Db, workspaceId: WorkspaceId, stageId: string) {
  return db
    .updateTable('project_stages')
    .set({ completed_at: null })
    .where('id', '=', stageId)
    .where('workspace_id', '=', workspaceId)
    .where('completed_at', 'is not', null)
    .returning('project_id')
    .executeTakeFirst();
}

export function workspaceTimezone(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('workspaces')
    .select('timezone')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
}

export function userTimezone(db: Db, workspaceId: WorkspaceId, userId: UserId) {
  return db
    .selectFrom('users')
    .select('timezone')
    .where('id', '=', userId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
}

/** The days business-day offsets skip. */
export function holidayDays(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('workspace_holidays')
    .select('day')
    .where('workspace_id', '=', workspaceId)
    .execute();
}

export function holidayRows(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('workspace_holidays')
    .select(['day', 'name'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('day')
    .execute();
}

/** The holiday list's version: 0 until its first save. */
export async function holidayVersion(db: Db, workspaceId: WorkspaceId): Promise<number> {
  const row = await db
    .selectFrom('workspace_holiday_versions')
    .select('version')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row?.version ?? 0;
}

/**
 * Raises the holiday list's version from `expected`, and holds its row until the transaction
 * ends: the new version, or null when the list is no longer at `expected` (a save came first).
 * A save waiting on another's lock re-reads the row when it gets it, so of two saves from one
 * version exactly one passes.
 */
export async function raiseHolidayVersion(
  db: Db,
  workspaceId: WorkspaceId,
  expected: number,
): Promise<number | null> {
  await db
    .insertInto('workspace_holiday_versions')
    .values({ workspace_id: workspaceId, version: 0 })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
  const row = await db
    .updateTable('workspace_holiday_versions')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('version', '=', expected)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

/** The workspace's holidays become exactly `items` (one a day: the service checks). */
export async function replaceHolidayRows(
  db: Db,
  workspaceId: WorkspaceId,
  items: { day: string; name: string }[],
) {
  await db.deleteFrom('workspace_holidays').where('workspace_id', '=', workspaceId).execute();
  if (items.length === 0) return;
  await db
    .insertInto('workspace_holidays')
    .values(items.map((h) => ({ workspace_id: workspaceId, day: h.day, name: h.name })))
    .execute();
}

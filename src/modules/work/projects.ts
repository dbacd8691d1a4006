// Customer projects: onboarding, escalation, health check, QBR prep… each with stages and tasks.
// The SQL is in ./store.ts (projects, stages) and ./tasks/store/tasks.ts.
import type { Db } from '../../db/connect.ts';
import type { ProjectStatus, WorkKind } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, fieldProblem, invalid } from '../../lib/errors.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { addTimelineEvent, getAccount, type AccountScope } from '../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import * as store from './store.ts';
import type { ProjectWithContext } from './store.ts';
import { taskRowsOfProjects } from './tasks/store/tasks.ts';
import { describeTask } from './tasks/view.ts';
import { workspaceCalendar } from './templates/instantiate.ts';
import { todayIn } from './templates/offsets.ts';
import { message } from '../../i18n/index.ts';

export type { ProjectWithContext };

export async function findProject(
  db: Db,
  scope: AccountScope,
  id: string,
): Promise<ProjectWithContext> {
  const row = await store.findProjectRow(db, scope, id);
  if (!row) throw new AppError('project.not_found', { key: 'work.problem.noProject' });
  return row;
}

function describeProjectSummary(row: ProjectWithContext, counts: { total: number; done: number }) {
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    name: row.name,
    kind: row.kind,
    status: row.status,
    templateId: row.template_id,
    templateName: row.template_name,
    templateVersion: row.template_version,
    templateCurrentVersion: row.template_current_version,
    startDate: row.start_date,
    targetDate: row.target_date,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    progress: { total: counts.total, done: counts.done },
  };
}

export async function stagesOf(db: Db, workspaceId: WorkspaceId, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return store.stageRowsOf(db, workspaceId, projectIds);
}

/** Projects with their stages and every task, in template order: three queries for any number. */
export async function projectsWithTasks(db: Db, scope: AccountScope, rows: ProjectWithContext[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [stages, tasks] = await Promise.all([
    stagesOf(db, scope.workspaceId, ids),
    taskRowsOfProjects(db, scope.workspaceId, ids),
  ]);
  const views = tasks.map(describeTask);
  return rows.map((project) => {
    const own = views.filter((t) => t.projectId === project.id);
    return {
      ...describeProjectSummary(project, {
        total: own.length,
        done: own.filter((t) => t.status === 'done').length,
      }),
      stages: stages
        .filter((stage) => stage.project_id === project.id)
        .map((stage) => {
          const inStage = own.filter((t) => t.stageId === stage.id);
          return {
            id: stage.id,
            key: stage.key,
            name: stage.name,
            description: stage.description,
            position: stage.position,
            expectedDays: stage.expected_days,
            successCriteria: stage.success_criteria,
            startedAt: stage.started_at?.toISOString() ?? null,
            completedAt: stage.completed_at?.toISOString() ?? null,
            progress: {
              total: inStage.length,
              done: inStage.filter((t) => t.status === 'done').length,
            },
          };
        }),
      tasks: own,
    };
  });
}

export async function projectWithTasks(db: Db, scope: AccountScope, id: string) {
  const [project] = await projectsWithTasks(db, scope, [await findProject(db, scope, id)]);
  if (!project) throw new AppError('project.not_found', { key: 'work.problem.noProject' });
  return project;
}

export type ProjectView = Awaited<ReturnType<typeof projectWithTasks>>;

export async function projectsOfAccount(db: Db, scope: AccountScope, accountId: string) {
  const rows = await store.projectRowsOfAccount(db, scope, accountId);
  return summarize(db, scope.workspaceId, rows);
}

export async function summarize(db: Db, workspaceId: WorkspaceId, rows: ProjectWithContext[]) {
  if (rows.length === 0) return [];
  const counts = await store.taskCountsOfProjects(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  const byProject = new Map(counts.map((c) => [c.project_id, c]));
  return rows.map((row) =>
    describeProjectSummary(row, byProject.get(row.id) ?? { total: 0, done: 0 }),
  );
}

/** Onboarding projects in view (cancelled ones left out), the latest start first, in full. */
export async function onboardingProjects(
  db: Db,
  scope: AccountScope,
  filter: { templateId?: string | undefined },
): Promise<ProjectView[]> {
  return projectsWithTasks(db, scope, await store.onboardingProjectRows(db, scope, filter));
}

export async function createProject(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  scope: AccountScope,
  input: { accountId: string; name: string; kind: WorkKind; startDate?: string | undefined },
) {
  return db.transaction().execute(async (trx) => {
    const account = await getAccount(trx, scope, input.accountId);
    // Without a start date a project starts today, as the workspace's calendar has it.
    const startDate =
      input.startDate ??
      todayIn((await workspaceCalendar(trx, by.workspaceId)).timezone, clock.now());
    const id = await store.insertProject(trx, {
      workspace_id: by.workspaceId,
      account_id: account.id,
      name: input.name,
      kind: input.kind,
      start_date: startDate,
      created_by: by.userId,
      updated_at: clock.now(),
    });
    await addTimelineEvent(trx, {
      workspaceId: by.workspaceId,
      accountId: account.id,
      kind: 'system',
      title: message('accounts.timeline.projectStarted', { project: input.name }),
      actorId: by.userId,
      occurredAt: clock.now(),
      data: { projectId: id },
    });
    await recordAudit(trx, by, {
      action: 'project.created',
      entityType: 'project',
      entityId: id,
      changes: { ...input, startDate },
    });
    return id;
  });
}

export async function updateProject(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  scope: AccountScope,
  id: string,
  patch: { name?: string; status?: ProjectStatus; targetDate?: string | null },
) {
  await db.transaction().execute(async (trx) => {
    const before = await findProject(trx, scope, id);
    // ISO days compare as text.
    if (patch.targetDate && patch.targetDate < before.start_date) {
      throw invalid([
        fieldProblem('targetDate', 'work.field.targetBeforeStart', {
          start: { date: before.start_date },
        }),
      ]);
    }
    const completing = patch.status === 'completed' && before.status !== 'completed';
    await store.updateProjectRow(trx, by.workspaceId, id, {
      name: patch.name,
      status: patch.status,
      target_date: patch.targetDate,
      completed_at:
        patch.status === undefined
          ? undefined
          : completing
            ? clock.now()
            : patch.status === 'completed'
              ? before.completed_at
              : null,
      updated_at: clock.now(),
    });
    await recordAudit(trx, by, {
      action: 'project.updated',
      entityType: 'project',
      entityId: id,
      changes: patch,
    });
  });
}

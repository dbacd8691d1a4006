// When a template changes, its running projects can take the change: new tasks are added,
// tasks not yet started are updated, and work already started or finished is left alone.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import { enqueue } from '../../../jobs/registry.ts';
import { AppError, fieldProblem } from '../../../lib/errors.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { findProject } from '../projects.ts';
import { settleProjectStatus, settleStages, updateProjectRow } from '../store.ts';
import { insertDependencies } from '../tasks/store/tasks.ts';
import type { TemplateTask } from './definition.ts';
import { scheduleOf, taskFromTemplate, workspaceCalendar } from './instantiate.ts';
import { getTemplate } from './library.ts';
import { scheduleTask } from './offsets.ts';
import * as store from './store.ts';

type ProjectTask = Awaited<ReturnType<typeof store.tasksToCompare>>[number];

const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** What changes in a not-yet-started task to match the template, by field. */
function differences(task: ProjectTask, wanted: TemplateTask, due: string): string[] {
  const changed: string[] = [];
  if (task.title !== wanted.title) changed.push('title');
  if ((task.description ?? null) !== wanted.description) changed.push('description');
  if (task.priority !== wanted.priority) changed.push('priority');
  if (!sameList(task.tags, wanted.tags)) changed.push('tags');
  if (
    !sameList(
      task.checklist.map((c) => c.text),
      wanted.checklist,
    )
  )
    changed.push('checklist');
  if (task.due_day !== due) changed.push('dueAt');
  return changed;
}

async function plan(db: Db, scope: AccountScope, projectId: string) {
  const project = await findProject(db, scope, projectId);
  if (!project.template_id || project.template_version === null) {
    throw new AppError('task.not_allowed', { key: 'work.problem.notFromTemplate' });
  }
  const template = await getTemplate(db, scope.workspaceId, project.template_id);
  const { timezone, holidays } = await workspaceCalendar(db, scope.workspaceId);
  const tasks = await store.tasksToCompare(db, scope.workspaceId, projectId, timezone);
  const byKey = new Map(
    tasks.flatMap((t) => (t.template_task_key ? [[t.template_task_key, t] as const] : [])),
  );
  const wantedKeys = new Set(template.definition.tasks.map((t) => t.key));
  // A project made before its template counted back from the renewal takes the account's.
  const renewal =
    project.target_date ??
    (await store.accountRenewalDate(db, scope.workspaceId, project.account_id))?.renewal_date ??
    null;
  const schedule = scheduleOf(template.definition, project.start_date, renewal);
  const scheduled = (t: TemplateTask) => scheduleTask(t, schedule, holidays);
  const due = (t: TemplateTask) => scheduled(t).dueDay;

  const add: TemplateTask[] = [];
  const update: { task: ProjectTask; wanted: TemplateTask; fields: string[] }[] = [];
  const untouched: { task: ProjectTask; reason: string }[] = [];
  for (const wanted of template.definition.tasks) {
    const task = byKey.get(wanted.key);
    if (!task) {
      add.push(wanted);
      continue;
    }
    const fields = differences(task, wanted, due(wanted));
    if (fields.length === 0) continue;
    if (task.status === 'todo') update.push({ task, wanted, fields });
    else untouched.push({ task, reason: task.status === 'done' ? 'finished' : 'already started' });
  }
  for (const task of tasks) {
    if (task.template_task_key && !wantedKeys.has(task.template_task_key)) {
      untouched.push({ task, reason: 'no longer in the template; kept' });
    }
  }
  return { project, template, timezone, due, scheduled, add, update, untouched };
}

export async function previewTemplateUpgrade(db: Db, scope: AccountScope, projectId: string) {
  const { project, template, add, update, untouched } = await plan(db, scope, projectId);
  return {
    projectId,
    fromVersion: project.template_version ?? 0,
    toVersion: template.version,
    add: add.map((t) => ({ key: t.key, title: t.title })),
    update: update.map(({ task, fields }) => ({ taskId: task.id, title: task.title, fields })),
    untouched: untouched.map(({ task, reason }) => ({
      taskId: task.id,
      title: task.title,
      reason,
    })),
  };
}

export async function applyTemplateUpgrade(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  scope: AccountScope,
  projectId: string,
  expectedVersion: number,
) {
  return db.transaction().execute(async (trx) => {
    await store.lockProject(trx, scope.workspaceId, projectId);
    const { project, template, timezone, due, scheduled, add, update } = await plan(
      trx,
      scope,
      projectId,
    );
    if (template.version !== expectedVersion) {
      throw new AppError(
        'task.not_allowed',
        {
          key: 'work.problem.templateChanged',
          params: { version: String(template.version) },
        },
        {
          errors: [
            fieldProblem('version', 'work.field.expectedVersion', {
              version: String(template.version),
            }),
          ],
        },
      );
    }
    const now = clock.now();
    const stages = await store.stageKeysOf(trx, scope.workspaceId, projectId);
    const stageIds = new Map(stages.map((s) => [s.key, s.id]));
    const newStages = template.definition.stages.filter((s) => !stageIds.has(s.key));
    for (const stage of newStages) stageIds.set(stage.key, randomUUID());
    if (newStages.length > 0) {
      const last = Math.max(-1, ...stages.map((s) => s.position));
      await store.insertStages(
        trx,
        newStages.map((stage, i) => ({
          id: stageIds.get(stage.key) ?? randomUUID(),
          workspace_id: scope.workspaceId,
          project_id: projectId,
          key: stage.key,
          name: stage.name,
          description: stage.description,
          position: last + 1 + i,
          expected_days: stage.expectedDays,
          success_criteria: stage.successCriteria,
        })),
      );
    }
    const existing = await store.taskKeysOf(trx, scope.workspaceId, projectId);
    const taskIds = new Map(
      existing.flatMap((t) => (t.template_task_key ? [[t.template_task_key, t.id] as const] : [])),
    );
    for (const task of add) taskIds.set(task.key, randomUUID());
    const owner = await store.accountOwner(trx, scope.workspaceId, project.account_id);

    if (add.length > 0) {
      await store.insertTemplateTasks(
        trx,
        add.map((task) =>
          taskFromTemplate(task, {
            id: taskIds.get(task.key) ?? randomUUID(),
            position: template.definition.tasks.indexOf(task),
            workspaceId: scope.workspaceId,
            accountId: project.account_id,
            projectId,
            stageId: task.stage ? (stageIds.get(task.stage) ?? null) : null,
            parentId: task.parent ? (taskIds.get(task.parent) ?? null) : null,
            assigneeId: task.role === 'owner' ? owner.owner_id : null,
            ...scheduled(task),
            timezone,
            by: by.userId,
            now,
          }),
        ),
      );
      const dependencies = add.flatMap((task) =>
        task.dependsOn.map((key) => ({
          taskId: taskIds.get(task.key) ?? '',
          dependsOnId: taskIds.get(key) ?? '',
        })),
      );
      if (dependencies.length > 0) await insertDependencies(trx, scope.workspaceId, dependencies);
      // New tasks are open work: a finished project is active again.
      await settleProjectStatus(trx, scope.workspaceId, projectId, false, now);
    }
    // A finished stage given new tasks reopens, a new stage without any closes, and a project
    // past all its stages is in the first new one now: it starts with the upgrade.
    if (add.length > 0 || newStages.length > 0)
      await settleStages(trx, scope.workspaceId, projectId, now);
    for (const { task, wanted } of update) {
      await store.rescheduleTaskToTemplate(trx, scope.workspaceId, task.id, {
        title: wanted.title,
        description: wanted.description,
        priority: wanted.priority,
        tags: wanted.tags,
        checklist: JSON.stringify(
          wanted.checklist.map((text) => ({ id: randomUUID(), text, done: false })),
        ),
        due: { day: due(wanted), timezone },
        lateStart: scheduled(wanted).lateStart,
        updatedAt: now,
      });
    }
    await updateProjectRow(trx, scope.workspaceId, projectId, {
      template_version: template.version,
      updated_at: now,
    });
    // Added or rescheduled tasks: the SLA policies that match them re-arm (sla/timers.ts).
    await enqueue(
      trx,
      'project__arm_sla_timers',
      { workspaceId: scope.workspaceId, projectId },
      { runAt: now },
    );
    await recordAudit(trx, by, {
      action: 'project.template_upgraded',
      entityType: 'project',
      entityId: projectId,
      changes: {
        from: project.template_version,
        to: template.version,
        added: add.length,
        updated: update.length,
      },
    });
  });
}

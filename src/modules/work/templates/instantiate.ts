// One click from template to a customer's project: stages, 20+ tasks with due days from the
// start (or back from the renewal), people from roles, checklists, sub-tasks and
// dependencies — all or nothing.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import { enqueue } from '../../../jobs/registry.ts';
import { AppError, fieldProblem, invalid, type FieldError } from '../../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import { addTimelineEvent, getAccount, type AccountScope } from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { rolesOf, type TemplateDefinition, type TemplateTask } from './definition.ts';
import { getTemplate } from './library.ts';
import { scheduleTask, type Schedule } from './offsets.ts';
import * as projectStore from '../store.ts';
import { insertDependencies } from '../tasks/store/tasks.ts';
import * as store from './store.ts';
import { message } from '../../../i18n/index.ts';

export type Instantiation = {
  accountId: string;
  startDate: string;
  /** Role → person. `owner` defaults to the account's CSM and `manager` to theirs. */
  assignees: Record<string, string>;
  name?: string;
};

/** The workspace's zone (due times are 17:00 there) and the holidays business days skip. */
export async function workspaceCalendar(db: Db, workspaceId: WorkspaceId) {
  const [workspace, holidays] = await Promise.all([
    projectStore.workspaceTimezone(db, workspaceId),
    projectStore.holidayDays(db, workspaceId),
  ]);
  return { timezone: workspace.timezone, holidays: new Set(holidays.map((h) => h.day)) };
}

/** Who does each role's tasks on this account; a role nobody fills leaves its tasks unassigned. */
async function resolveRoles(
  db: Db,
  workspaceId: WorkspaceId,
  definition: TemplateDefinition,
  ownerId: string | null,
  given: Record<string, string>,
): Promise<Map<string, string>> {
  const roles = rolesOf(definition);
  const errors: FieldError[] = [];
  for (const role of Object.keys(given)) {
    if (!roles.includes(role)) {
      errors.push(
        fieldProblem(`assignees.${role}`, 'work.field.noRole', { role, roles: roles.join(', ') }),
      );
    }
  }
  const ids = [...new Set(Object.values(given))];
  const found = ids.length ? await store.usersAmong(db, workspaceId, ids) : [];
  const known = new Set(found.map((u) => u.id));
  for (const [role, userId] of Object.entries(given)) {
    if (!known.has(userId)) errors.push(fieldProblem(`assignees.${role}`, 'errors.field.noUser'));
  }
  if (errors.length > 0) throw invalid(errors, { key: 'work.problem.roles' });

  const people = new Map<string, string>();
  if (ownerId) {
    people.set('owner', ownerId);
    const owner = await store.managerOf(db, workspaceId, ownerId);
    if (owner?.manager_id) people.set('manager', owner.manager_id);
  }
  for (const [role, userId] of Object.entries(given)) people.set(role, userId);
  return people;
}

/**
 * What the template's offsets count from in this project. A template counted back from the
 * renewal needs the account's renewal date: without one it is refused, never guessed.
 */
export function scheduleOf(
  definition: TemplateDefinition,
  startDate: string,
  renewalDate: string | null,
): Schedule {
  if (definition.anchor === 'start') return { anchor: 'start', start: startDate };
  if (!renewalDate) {
    throw invalid([fieldProblem('renewalDate', 'work.field.noRenewalDate')], {
      key: 'work.problem.renewalDateFirst',
    });
  }
  return { anchor: 'renewal', start: startDate, target: renewalDate };
}

export async function instantiateTemplate(
  db: Db,
  clock: Clock,
  by: ChangeAuthor & { userId: UserId | null },
  scope: AccountScope,
  templateId: string,
  request: Instantiation,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const template = await getTemplate(trx, by.workspaceId, templateId);
    const account = await getAccount(trx, scope, request.accountId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'account.not_found') {
        throw invalid([fieldProblem('accountId', 'errors.field.noAccount')]);
      }
      throw error;
    });
    const { definition } = template;
    const schedule = scheduleOf(definition, request.startDate, account.renewal_date);
    const people = await resolveRoles(
      trx,
      by.workspaceId,
      definition,
      account.owner_id,
      request.assignees,
    );
    const { timezone, holidays } = await workspaceCalendar(trx, by.workspaceId);

    const projectId = await store.insertProjectFromTemplate(trx, {
      workspace_id: by.workspaceId,
      account_id: account.id,
      name: request.name ?? `${template.name} — ${account.name}`,
      kind: template.kind,
      template_id: template.id,
      template_version: template.version,
      start_date: request.startDate,
      target_date: schedule.anchor === 'renewal' ? schedule.target : null,
      created_by: by.userId,
    });

    const now = clock.now();
    const stageIds = new Map(definition.stages.map((stage) => [stage.key, randomUUID()]));
    // A stage the template gives no task has nothing to finish: it is closed from the start, as
    // an emptied stage is (tasks/progress.ts), and the first stage with tasks starts with the
    // project; each later one when those before it are complete.
    const staffed = new Set(definition.tasks.flatMap((task) => (task.stage ? [task.stage] : [])));
    const first = definition.stages.find((stage) => staffed.has(stage.key));
    if (definition.stages.length > 0) {
      await store.insertStages(
        trx,
        definition.stages.map((stage, position) => ({
          id: stageIds.get(stage.key) ?? randomUUID(),
          workspace_id: by.workspaceId,
          project_id: projectId,
          key: stage.key,
          name: stage.name,
          description: stage.description,
          position,
          expected_days: stage.expectedDays,
          success_criteria: stage.successCriteria,
          completed_at: staffed.has(stage.key) ? null : now,
          startsOn: stage === first ? request.startDate : null,
        })),
      );
    }

    const taskIds = new Map(definition.tasks.map((task) => [task.key, randomUUID()]));
    await store.insertTemplateTasks(
      trx,
      definition.tasks.map((task, position) =>
        taskFromTemplate(task, {
          id: taskIds.get(task.key) ?? randomUUID(),
          position,
          workspaceId: by.workspaceId,
          accountId: account.id,
          projectId,
          stageId: task.stage ? (stageIds.get(task.stage) ?? null) : null,
          parentId: task.parent ? (taskIds.get(task.parent) ?? null) : null,
          assigneeId: task.role ? (people.get(task.role) ?? null) : null,
          ...scheduleTask(task, schedule, holidays),
          timezone,
          by: by.userId,
          now,
        }),
      ),
    );

    const dependencies = definition.tasks.flatMap((task) =>
      task.dependsOn.map((key) => ({
        taskId: taskIds.get(task.key) ?? '',
        dependsOnId: taskIds.get(key) ?? '',
      })),
    );
    if (dependencies.length > 0) await insertDependencies(trx, by.workspaceId, dependencies);
    // The SLA policies that match these tasks start their clocks (notify, sla/timers.ts).
    await enqueue(
      trx,
      'project__arm_sla_timers',
      { workspaceId: by.workspaceId, projectId },
      { runAt: now },
    );

    await addTimelineEvent(trx, {
      workspaceId: by.workspaceId,
      accountId: account.id,
      kind: 'system',
      title: message('accounts.timeline.projectFromTemplate', {
        template: template.name,
        version: template.version,
      }),
      actorId: by.userId,
      occurredAt: now,
      data: {
        projectId,
        templateId: template.id,
        templateVersion: template.version,
        tasks: definition.tasks.length,
      },
    });
    await recordAudit(trx, by, {
      action: 'project.instantiated',
      entityType: 'project',
      entityId: projectId,
      changes: {
        templateId: template.id,
        templateVersion: template.version,
        accountId: account.id,
      },
    });
    return projectId;
  });
}

/** One account's outcome: its new project, or the refusal that left it without one. */
export type AccountInstantiation =
  | { accountId: string; projectId: string; failure: null }
  | { accountId: string; projectId: null; failure: AppError };

/**
 * The template's project for each account, in the order asked. Each account is its own
 * transaction: one account refused (not found, no renewal date, a role unfilled) leaves the
 * others' projects made, and is reported with its refusal. An unknown template refuses the whole.
 */
export async function instantiateForAccounts(
  db: Db,
  clock: Clock,
  by: ChangeAuthor & { userId: UserId | null },
  scope: AccountScope,
  templateId: string,
  request: Omit<Instantiation, 'accountId' | 'name'> & { accountIds: readonly string[] },
): Promise<AccountInstantiation[]> {
  await getTemplate(db, by.workspaceId, templateId);
  const outcomes: AccountInstantiation[] = [];
  for (const accountId of request.accountIds) {
    try {
      const projectId = await instantiateTemplate(db, clock, by, scope, templateId, {
        accountId,
        startDate: request.startDate,
        assignees: request.assignees,
      });
      outcomes.push({ accountId, projectId, failure: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ accountId, projectId: null, failure: error });
    }
  }
  return outcomes;
}

/** A project task as a template task makes it; due at 17:00 of its day in the workspace zone. */
export function taskFromTemplate(
  task: TemplateTask,
  at: {
    id: string;
    position: number;
    workspaceId: string;
    accountId: string;
    projectId: string;
    stageId: string | null;
    parentId: string | null;
    assigneeId: string | null;
    dueDay: string;
    lateStart: boolean;
    timezone: string;
    by: string | null;
    now: Date;
  },
): store.TemplateTaskRow {
  return {
    id: at.id,
    workspace_id: at.workspaceId,
    account_id: at.accountId,
    project_id: at.projectId,
    stage_id: at.stageId,
    parent_id: at.parentId,
    template_task_key: task.key,
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags,
    assignee_id: at.assigneeId,
    due: { day: at.dueDay, timezone: at.timezone },
    late_start: at.lateStart,
    checklist: JSON.stringify(
      task.checklist.map((text) => ({ id: randomUUID(), text, done: false })),
    ),
    is_first_value: task.firstValue,
    position: at.position,
    created_by: at.by,
    created_at: at.now,
    updated_at: at.now,
    last_activity_at: at.now,
    last_activity_by: at.by,
  };
}

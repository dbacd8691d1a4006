// SQL for the template library (templates and their versions) and for what a template makes
// in a project: its stages and tasks, and the tasks an upgrade reschedules. Every query is
// confined to one workspace.
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type {
  ProjectStagesTable,
  ProjectsTable,
  TasksTable,
  WorkKind,
} from '../../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';

function selectTemplates(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('templates')
    .innerJoin('template_versions as v', (join) =>
      join
        .onRef('v.template_id', '=', 'templates.id')
        .onRef('v.version', '=', 'templates.current_version'),
    )
    .select([
      'templates.id',
      'templates.name',
      'templates.description',
      'templates.kind',
      'templates.current_version',
      'v.definition',
      'templates.created_at',
      'templates.updated_at',
    ])
    .where('templates.workspace_id', '=', workspaceId)
    .where('templates.archived_at', 'is', null);
}

export type TemplateRow = Awaited<
  ReturnType<ReturnType<typeof selectTemplates>['executeTakeFirstOrThrow']>
>;

export function templateRows(db: Db, workspaceId: WorkspaceId) {
  return selectTemplates(db, workspaceId).orderBy('templates.name').execute();
}

export function findTemplateRow(db: Db, workspaceId: WorkspaceId, id: string) {
  return selectTemplates(db, workspaceId).where('templates.id', '=', id).executeTakeFirst();
}

/** The definition as one version of a template had it. */
export function templateVersionRow(db: Db, workspaceId: WorkspaceId, id: string, version: number) {
  return db
    .selectFrom('template_versions')
    .select('definition')
    .where('workspace_id', '=', workspaceId)
    .where('template_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertTemplate(
  db: Db,
  template: {
    workspaceId: WorkspaceId;
    name: string;
    description: string | null;
    kind: WorkKind;
    createdBy: UserId | null;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('templates')
    .values({
      workspace_id: template.workspaceId,
      name: template.name,
      description: template.description,
      kind: template.kind,
      created_by: template.createdBy,
      updated_at: sql`now()`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function insertTemplateVersion(
  db: Db,
  version: {
    templateId: string;
    version: number;
    workspaceId: WorkspaceId;
    /** The checked definition, as JSON. */
    definition: string;
    createdBy: UserId | null;
  },
) {
  return db
    .insertInto('template_versions')
    .values({
      template_id: version.templateId,
      version: version.version,
      workspace_id: version.workspaceId,
      definition: version.definition,
      created_by: version.createdBy,
    })
    .execute();
}

/** A live template's current version, locked until the transaction ends (one edit at a time). */
export function lockCurrentVersion(db: Db, workspaceId: WorkspaceId, id: string) {
  return db
    .selectFrom('templates')
    .select('current_version')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export function reviseTemplateRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  revision: { name: string; description: string | null; kind: WorkKind; version: number },
) {
  return db
    .updateTable('templates')
    .set({
      name: revision.name,
      description: revision.description,
      kind: revision.kind,
      current_version: revision.version,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** Which of `ids` are people of the workspace. */
export function usersAmong(db: Db, workspaceId: WorkspaceId, ids: string[]) {
  return db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}

export function managerOf(db: Db, workspaceId: WorkspaceId, userId: string) {
  return db
    .selectFrom('users')
    .select('manager_id')
    .where('id', '=', userId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

/** An account's owner and the owner's manager: the people behind the `owner` and `manager` roles. */
export function accountOwnerAndManager(db: Db, workspaceId: WorkspaceId, accountId: string) {
  return db
    .selectFrom('accounts')
    .leftJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .select(['accounts.owner_id', 'owner.manager_id'])
    .where('accounts.id', '=', accountId)
    .where('accounts.workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
}

export function accountOwner(db: Db, workspaceId: WorkspaceId, accountId: string) {
  return db
    .selectFrom('accounts')
    .select('owner_id')
    .where('id', '=', accountId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
}

export function accountRenewalDate(db: Db, workspaceId: WorkspaceId, accountId: string) {
  return db
    .selectFrom('accounts')
    .select('renewal_date')
    .where('id', '=', accountId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

export function peopleOf(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** A project made from a template (its last change stamped by the database clock). */
export async function insertProjectFromTemplate(
  db: Db,
  project: Omit<Insertable<ProjectsTable>, 'updated_at'>,
): Promise<string> {
  const { id } = await db
    .insertInto('projects')
    .values({ ...project, updated_at: sql`now()` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A stage as a template makes it; `startsOn`, when given, starts it at that day's midnight UTC. */
export type TemplateStageRow = Omit<Insertable<ProjectStagesTable>, 'started_at'> & {
  startsOn?: string | null;
};

export function insertStages(db: Db, stages: TemplateStageRow[]) {
  return db
    .insertInto('project_stages')
    .values(
      stages.map(({ startsOn, ...stage }) =>
        startsOn === undefined
          ? stage
          : {
              ...stage,
              started_at: startsOn === null ? null : sql`(${startsOn}::date)::timestamptz`,
            },
      ),
    )
    .execute();
}

/** A task as a template makes it: due at 17:00 of `due.day` in the workspace's zone. */
export type TemplateTaskRow = Omit<Insertable<TasksTable>, 'due_at'> & {
  due: { day: string; timezone: string };
};

const fivePm = (due: { day: string; timezone: string }) =>
  sql<Date>`(${due.day}::date + time '17:00') at time zone ${due.timezone}`;

export function insertTemplateTasks(db: Db, tasks: TemplateTaskRow[]) {
  return db
    .insertInto('tasks')
    .values(tasks.map(({ due, ...task }) => ({ ...task, due_at: fivePm(due) })))
    .execute();
}

/** A not-yet-started task takes its template task's new text, checklist and due day. */
export function rescheduleTaskToTemplate(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  task: {
    title: string;
    description: string | null;
    priority: Insertable<TasksTable>['priority'];
    tags: string[];
    checklist: string;
    due: { day: string; timezone: string };
    lateStart: boolean;
    updatedAt: Date;
  },
) {
  return db
    .updateTable('tasks')
    .set({
      title: task.title,
      description: task.description,
      priority: task.priority,
      tags: task.tags,
      checklist: task.checklist,
      due_at: fivePm(task.due),
      late_start: task.lateStart,
      updated_at: task.updatedAt,
    })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** Row lock: one upgrade of a project at a time. */
export function lockProject(db: Db, workspaceId: WorkspaceId, projectId: string) {
  return db
    .selectFrom('projects')
    .select('id')
    .where('id', '=', projectId)
    .where('workspace_id', '=', workspaceId)
    .forUpdate()
    .execute();
}

/** A project's live tasks as an upgrade compares them, with due days in `timezone`. */
export function tasksToCompare(
  db: Db,
  workspaceId: WorkspaceId,
  projectId: string,
  timezone: string,
) {
  return db
    .selectFrom('tasks')
    .select([
      'id',
      'template_task_key',
      'title',
      'description',
      'priority',
      'tags',
      'status',
      'checklist',
      sql<string | null>`to_char(due_at at time zone ${timezone}, 'YYYY-MM-DD')`.as('due_day'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Every task of a project (deleted ones too: their keys stay taken), by template key. */
export function taskKeysOf(db: Db, workspaceId: WorkspaceId, projectId: string) {
  return db
    .selectFrom('tasks')
    .select(['id', 'template_task_key', 'assignee_id'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .execute();
}

export function stageKeysOf(db: Db, workspaceId: WorkspaceId, projectId: string) {
  return db
    .selectFrom('project_stages')
    .select(['id', 'key', 'position'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .execute();
}

/** Each dated task's due day, as the workspace (`timezone`) sees it. */
export function taskDueDays(db: Db, workspaceId: WorkspaceId, projectId: string, timezone: string) {
  return db
    .selectFrom('tasks')
    .select(['id', sql<string>`to_char(due_at at time zone ${timezone}, 'YYYY-MM-DD')`.as('day')])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('due_at', 'is not', null)
    .execute();
}
